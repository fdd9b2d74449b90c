package com.breachnotice.sender;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.dynamodb.DynamoDbCampaignStore;
import com.breachnotice.aws.dynamodb.DynamoDbContactBook;
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
import com.breachnotice.core.sending.ChallengeCodeService;
import com.breachnotice.core.sending.Pacer;
import com.breachnotice.core.sending.SenderService;
import com.breachnotice.queue.QueueBatchProcessor;
import com.breachnotice.queue.aws.SqsPoisonQueue;
import java.time.Clock;

/** The composition root of the sender functions: built once per container, during INIT. */
final class SenderWiring {

    private SenderWiring() {}

    static SenderService senderService(SenderSettings settings) {
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

    static ChallengeCodeService challengeCodeService(SenderSettings settings) {
        AwsClients aws = AwsClients.shared();
        return new ChallengeCodeService(
                new DynamoDbContactBook(aws.dynamoDb(), settings.contactTable()),
                cipher(settings, aws),
                emailSender(settings, aws),
                new SnsSmsSender(aws.sns()),
                new DynamoDbRateLimits(aws.dynamoDb(), settings.challengeTable()),
                Clock.systemUTC(),
                settings.codesPerHour());
    }

    static QueueBatchProcessor noticeQueueProcessor(SenderSettings settings) {
        return new QueueBatchProcessor(
                "notice", new SqsPoisonQueue(AwsClients.shared()::sqs, settings.noticeDeadLetterQueueUrl()));
    }

    static QueueBatchProcessor codeQueueProcessor(SenderSettings settings) {
        return new QueueBatchProcessor(
                "code", new SqsPoisonQueue(AwsClients.shared()::sqs, settings.codeDeadLetterQueueUrl()));
    }

    private static ContactCipher cipher(SenderSettings settings, AwsClients aws) {
        return new ContactCipher(new KmsDataKeyProvider(aws.kms(), settings.contactKeyId()));
    }

    private static SesEmailSender emailSender(SenderSettings settings, AwsClients aws) {
        return new SesEmailSender(aws.ses(), settings.fromAddress(), settings.configurationSet());
    }
}
