package com.breachnotice.sender;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.aws.dynamodb.DynamoDbCampaignStore;
import com.breachnotice.aws.dynamodb.DynamoDbContactBook;
import com.breachnotice.aws.dynamodb.DynamoDbIncidentStore;
import com.breachnotice.aws.dynamodb.DynamoDbDeliveryLog;
import com.breachnotice.aws.dynamodb.DynamoDbJobLedger;
import com.breachnotice.aws.dynamodb.DynamoDbRateLimits;
import com.breachnotice.aws.dynamodb.DynamoDbSendGovernor;
import com.breachnotice.aws.kms.KmsDataKeyProvider;
import com.breachnotice.aws.secrets.SecretsManagerPepperSource;
import com.breachnotice.aws.ses.SesEmailSender;
import com.breachnotice.aws.sns.SnsSmsSender;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.incident.CachedIncident;
import com.breachnotice.core.sending.ChallengeCodeService;
import com.breachnotice.core.sending.Pacer;
import com.breachnotice.core.sending.SenderService;
import java.time.Clock;
import java.time.Duration;

/** The composition root of the sender functions: built once per container, during INIT. */
final class SenderWiring {

    private SenderWiring() {}

    static SenderService senderService(FunctionEnvironment env) {
        SenderSettings settings = SenderSettings.from(env);
        AwsClients aws = AwsClients.shared();
        Clock clock = Clock.systemUTC();
        // One adapter for both roles: the texts' claims and the jobs' records are the same items.
        DynamoDbDeliveryLog deliveries = new DynamoDbDeliveryLog(aws.dynamoDb(), settings.deliveryTable());
        return new SenderService(
                new DynamoDbCampaignStore(aws.dynamoDb(), settings.campaignTable()),
                new DynamoDbContactBook(aws.dynamoDb(), settings.contactTable()),
                new DynamoDbJobLedger(aws.dynamoDb(), settings.campaignTable()),
                deliveries,
                deliveries,
                cipher(settings, aws),
                new ContactKeyer(
                        new SecretsManagerPepperSource(aws.secretsManager(), settings.pepperSecretId()).pepper()),
                emailSender(settings, aws),
                new SnsSmsSender(aws.sns()),
                new DynamoDbSendGovernor(aws.dynamoDb(), settings.campaignTable()),
                Pacer.sleeping(clock),
                clock,
                settings.lease());
    }

    static ChallengeCodeService challengeCodeService(FunctionEnvironment env) {
        SenderSettings settings = SenderSettings.from(env);
        AwsClients aws = AwsClients.shared();
        // The hourly budget of codes is counted beside the challenges; read only by this function.
        String challengeTable = env.require("CHALLENGE_TABLE");
        int codesPerHour = positive(env.optional("CODES_PER_HOUR", "20000"), "CODES_PER_HOUR");
        return new ChallengeCodeService(
                new DynamoDbContactBook(aws.dynamoDb(), settings.contactTable()),
                cipher(settings, aws),
                emailSender(settings, aws),
                new SnsSmsSender(aws.sns()),
                new DynamoDbRateLimits(aws.dynamoDb(), challengeTable),
                Clock.systemUTC(),
                codesPerHour,
                // The company and help line the messages name, read again at most once a minute.
                new CachedIncident(
                                new DynamoDbIncidentStore(aws.dynamoDb(), settings.campaignTable()),
                                Clock.systemUTC(),
                                Duration.ofSeconds(60))
                        ::current);
    }

    private static int positive(String value, String name) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, by name
        }
        throw new IllegalStateException(name + " must be a positive whole number");
    }

    private static ContactCipher cipher(SenderSettings settings, AwsClients aws) {
        return new ContactCipher(new KmsDataKeyProvider(aws.kms(), settings.contactKeyId()));
    }

    private static SesEmailSender emailSender(SenderSettings settings, AwsClients aws) {
        return new SesEmailSender(aws.ses(), settings.fromAddress(), settings.configurationSet());
    }
}
