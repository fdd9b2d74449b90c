package com.breachnotice.lookup;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.InitStep;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.aws.dynamodb.DynamoDbCampaignStore;
import com.breachnotice.aws.dynamodb.DynamoDbChallengeStore;
import com.breachnotice.aws.dynamodb.DynamoDbContactBook;
import com.breachnotice.aws.dynamodb.DynamoDbDeliveryLog;
import com.breachnotice.aws.dynamodb.DynamoDbIncidentStore;
import com.breachnotice.aws.dynamodb.DynamoDbRateLimits;
import com.breachnotice.aws.dynamodb.DynamoDbRecipientMasks;
import com.breachnotice.aws.dynamodb.DynamoDbReferenceChecks;
import com.breachnotice.aws.metrics.EmfMetrics;
import com.breachnotice.aws.secrets.SecretsManagerPepperSource;
import com.breachnotice.aws.sqs.SqsCodeQueue;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.contact.ContactNormalizer;
import com.breachnotice.core.contact.KeyRing;
import com.breachnotice.core.incident.CachedIncident;
import com.breachnotice.core.lookup.AddressLimiter;
import com.breachnotice.core.lookup.AlarmingEdgeChallengeSwitch;
import com.breachnotice.core.lookup.BreakerWatch;
import com.breachnotice.core.lookup.CodeBudget;
import com.breachnotice.core.lookup.CodeSeal;
import com.breachnotice.core.lookup.ContactGuesses;
import com.breachnotice.core.lookup.LookupService;
import com.breachnotice.core.metrics.Metrics;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The composition root of the lookup function: built once per container, during INIT. */
final class LookupWiring {

    /** One set of SDK clients per container, built lazily on first use. */
    private static final AwsClients AWS = AwsClients.shared();

    private LookupWiring() {}

    /** The lookup's two services, built from one set of clients and one keyer, and its static content. */
    record Wired(LookupService service, AddressLimiter limiter, StaticContent content, IncidentView incident) {}

    /** How long a published correction of the incident takes, at most, to reach an instance. */
    static final Duration INCIDENT_TTL = Duration.ofSeconds(60);

    static Wired wire(FunctionEnvironment env) {
        // Settings first: a missing variable fails start-up by name before any AWS call is made.
        LookupSettings settings = LookupSettings.from(env);
        // The rest of INIT is mostly class loading and set-up, and its steps need nothing from each
        // other until the services are assembled: the pepper (its own SDK client and a call to
        // Secrets Manager) is fetched on a second thread while this one loads the page, the incident
        // and Jackson, then builds the DynamoDB and SQS clients. With a second core free the two
        // halves overlap; on one busy core the extra thread costs little.
        InitStep<KeyRing> keyRing = InitStep.start(
                "pepper-fetch",
                () -> new SecretsManagerPepperSource(AWS.secretsManager(), settings.pepperSecretId()).keyRing());
        StaticContent content = StaticContent.load();
        DynamoDbClient dynamoDb = AWS.dynamoDb();
        SqsClient sqs = AWS.sqs();
        KeyRing ring = keyRing.join();
        ContactKeyer keyer = new ContactKeyer(ring);
        Clock clock = Clock.systemUTC();
        // One generator for ids, codes and the code seal's nonces (see random()).
        SecureRandom random = random();
        DynamoDbRateLimits counters = new DynamoDbRateLimits(dynamoDb, settings.challengeTable());
        LookupService service = new LookupService(
                new DynamoDbChallengeStore(dynamoDb, settings.challengeTable()),
                new SqsCodeQueue(sqs, settings.codeQueueUrl(), new CodeSeal(ring, random)),
                new DynamoDbContactBook(dynamoDb, settings.contactTable()),
                new DynamoDbDeliveryLog(dynamoDb, settings.deliveryTable()),
                new DynamoDbCampaignStore(dynamoDb, settings.campaignTable()),
                ContactNormalizer.forCountry(settings.defaultCountry()),
                keyer,
                clock,
                random,
                new CodeBudget(counters, clock, settings.codesPerHour(), settings.codeBudgetShards()),
                breakers(clock),
                new DynamoDbRecipientMasks(dynamoDb, settings.deliveryTable()),
                new DynamoDbReferenceChecks(dynamoDb, settings.challengeTable()),
                new ContactGuesses(counters, clock, ContactGuesses.PER_CONTACT_PER_DAY));
        AddressLimiter limiter = new AddressLimiter(counters, keyer, clock, settings.limits());
        CachedIncident incident =
                new CachedIncident(new DynamoDbIncidentStore(dynamoDb, settings.campaignTable()), clock, INCIDENT_TTL);
        return new Wired(service, limiter, content, new IncidentView(incident::current, LookupJson.MAPPER));
    }

    /**
     * The lookup's metrics, watched by its failure-ratio breakers: a wave of failed code checks or
     * refused code requests across the lookup raises the alarm that asks for the edge's challenge.
     */
    private static Metrics breakers(Clock clock) {
        EmfMetrics metrics = EmfMetrics.lookup();
        return BreakerWatch.standard(metrics, new AlarmingEdgeChallengeSwitch(metrics), clock);
    }

    /**
     * The function runs with SnapStart, which restores one snapshot into many environments: a
     * generator whose whole state lives in the snapshot would hand out the same challenge ids and
     * codes in each. NativePRNG mixes fresh bytes from /dev/urandom into every output, so restored
     * copies diverge; elsewhere (a developer's machine) the platform default is used.
     */
    private static SecureRandom random() {
        try {
            return SecureRandom.getInstance("NativePRNGNonBlocking");
        } catch (NoSuchAlgorithmException notOnThisPlatform) {
            return new SecureRandom();
        }
    }
}
