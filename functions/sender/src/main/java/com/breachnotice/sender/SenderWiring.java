package com.breachnotice.sender;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.dynamodb.DynamoDbCampaignStore;
import com.breachnotice.aws.dynamodb.DynamoDbContactBook;
import com.breachnotice.aws.dynamodb.DynamoDbDeliveryLog;
import com.breachnotice.aws.dynamodb.DynamoDbIncidentStore;
import com.breachnotice.aws.dynamodb.DynamoDbJobLedger;
import com.breachnotice.aws.dynamodb.DynamoDbRateLimits;
import com.breachnotice.aws.dynamodb.DynamoDbSendGovernor;
import com.breachnotice.aws.kms.KmsDataKeyProvider;
import com.breachnotice.aws.metrics.EmfMetrics;
import com.breachnotice.aws.secrets.SecretsManagerPepperSource;
import com.breachnotice.aws.ses.SesEmailSender;
import com.breachnotice.aws.sns.SnsSmsSender;
import com.breachnotice.core.campaign.CampaignCache;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.contact.KeyRing;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.incident.CachedIncident;
import com.breachnotice.core.lookup.CodeSeal;
import com.breachnotice.core.sending.AdaptiveRate;
import com.breachnotice.core.sending.CampaignGate;
import com.breachnotice.core.sending.ChallengeCodeService;
import com.breachnotice.core.sending.EmailJobSender;
import com.breachnotice.core.sending.LeaseTerms;
import com.breachnotice.core.sending.LifecycleGate;
import com.breachnotice.core.sending.Pacer;
import com.breachnotice.core.sending.Recipients;
import com.breachnotice.core.sending.SendSchedule;
import com.breachnotice.core.sending.SendWindowGate;
import com.breachnotice.core.sending.SenderService;
import com.breachnotice.core.sending.SmsJobSender;
import com.breachnotice.queue.QueueBatchProcessor;
import com.breachnotice.queue.aws.SqsParkingQueue;
import com.breachnotice.queue.aws.SqsPoisonQueue;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The composition root of the sender functions: built once per container, during INIT. */
final class SenderWiring {

    private SenderWiring() {}

    static SenderService senderService(SenderSettings settings) {
        AwsClients aws = AwsClients.shared();
        Clock clock = Clock.systemUTC();
        // One adapter for both roles: the texts' claims and the jobs' records are the same items.
        DynamoDbDeliveryLog deliveries = new DynamoDbDeliveryLog(aws.dynamoDb(), settings.deliveryTable());
        ContactCipher cipher = cipher(settings, aws);
        LeaseTerms leases = new LeaseTerms(settings.lease(), AwsClients.SEND_CALL_TIMEOUT.plus(settings.callMargin()));
        SendSchedule schedule = new SendSchedule(
                new DynamoDbSendGovernor(aws.dynamoDb(), settings.campaignTable()),
                new AdaptiveRate(),
                Pacer.sleeping(clock),
                clock);
        DynamoDbCampaignStore campaigns = new DynamoDbCampaignStore(aws.dynamoDb(), settings.campaignTable());
        return new SenderService(
                new CampaignCache(campaigns),
                // Paused and cancelled campaigns stop here; an active one sends SMS only in its send
                // window (08:00-21:00 Korean time by default), holding the rest as a pause does.
                new SendWindowGate(
                        new LifecycleGate(campaigns, CampaignGate.ALWAYS_OPEN, clock, LifecycleGate.DEFAULT_TTL)),
                new DynamoDbJobLedger(aws.dynamoDb(), settings.campaignTable()),
                new Recipients(
                        new DynamoDbContactBook(aws.dynamoDb(), settings.contactTable()),
                        new ContactKeyer(keyRing(settings, aws))),
                deliveries,
                List.of(
                        new EmailJobSender(emailSender(settings, aws), cipher, schedule, leases, clock),
                        new SmsJobSender(new SnsSmsSender(aws.sns()), deliveries, cipher, schedule, leases, clock)),
                schedule,
                leases,
                clock);
    }

    static ChallengeCodeService challengeCodeService(SenderSettings settings, CodeSenderSettings codeSettings) {
        AwsClients aws = AwsClients.shared();
        // The hourly budget of text messages is counted beside the challenges (the lookup counts the
        // budget of all codes there when a challenge starts).
        return new ChallengeCodeService(
                new DynamoDbContactBook(aws.dynamoDb(), settings.contactTable()),
                cipher(settings, aws),
                codeEmailSender(codeSettings, aws),
                new SnsSmsSender(aws.sns()),
                new DynamoDbRateLimits(aws.dynamoDb(), settings.challengeTable()),
                Clock.systemUTC(),
                settings.smsCodesPerHour(),
                EmfMetrics.codeSender(),
                // The company and help line the messages name, read again at most once a minute.
                new CachedIncident(
                        new DynamoDbIncidentStore(aws.dynamoDb(), settings.campaignTable()),
                        Clock.systemUTC(),
                        Duration.ofSeconds(60))::current);
    }

    static QueueBatchProcessor noticeQueueProcessor(SenderSettings settings) {
        return new QueueBatchProcessor(
                "notice",
                new SqsPoisonQueue(AwsClients.shared()::sqs, settings.noticeDeadLetterQueueUrl()),
                new SqsParkingQueue(AwsClients.shared()::sqs, settings.noticeQueueUrl()));
    }

    static QueueBatchProcessor codeQueueProcessor(SenderSettings settings) {
        return new QueueBatchProcessor(
                "code", new SqsPoisonQueue(AwsClients.shared()::sqs, settings.codeDeadLetterQueueUrl()));
    }

    /** Opens the codes the lookup sealed for the code queue (see {@code SqsCodeQueue}). */
    static CodeSeal codeSeal(SenderSettings settings) {
        // Sealing only happens in the lookup; here the seal opens, so any generator will do.
        return new CodeSeal(keyRing(settings, AwsClients.shared()), new SecureRandom());
    }

    private static KeyRing keyRing(SenderSettings settings, AwsClients aws) {
        return new SecretsManagerPepperSource(aws.secretsManager(), settings.pepperSecretId()).keyRing();
    }

    private static ContactCipher cipher(SenderSettings settings, AwsClients aws) {
        return new ContactCipher(new KmsDataKeyProvider(aws.kms(), settings.contactKeyId()));
    }

    /** Code emails go out from their own address on their own configuration set, never the notices'. */
    private static SesEmailSender codeEmailSender(CodeSenderSettings codeSettings, AwsClients aws) {
        return new SesEmailSender(aws.ses(), codeSettings.fromAddress(), codeSettings.configurationSet());
    }

    private static SesEmailSender emailSender(SenderSettings settings, AwsClients aws) {
        return new SesEmailSender(aws.ses(), settings.fromAddress(), settings.configurationSet());
    }
}
