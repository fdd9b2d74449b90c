package com.breachnotice.intake;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.aws.dynamodb.DynamoDbIntakeLedger;
import com.breachnotice.aws.dynamodb.DynamoDbSubjectRegistry;
import com.breachnotice.aws.kms.KmsDataKeyProvider;
import com.breachnotice.aws.s3.S3ManifestSource;
import com.breachnotice.aws.s3.S3RejectsReport;
import com.breachnotice.aws.secrets.SecretsManagerPepperSource;
import com.breachnotice.aws.sqs.SqsIngestQueue;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.contact.ContactNormalizer;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.intake.IntakeService;
import com.breachnotice.core.manifest.ManifestReader;
import com.breachnotice.queue.QueueBatchProcessor;
import com.breachnotice.queue.aws.SqsPoisonQueue;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The composition root of the intake functions: built once per container, during INIT. */
final class IntakeWiring {

    private IntakeWiring() {}

    /**
     * The threads that run the registry's independent writes of one chunk: owned here, once per
     * container, so the adapter owns none; daemons, so they never keep a JVM alive.
     */
    private static final ExecutorService REGISTRY_WRITES = Executors.newFixedThreadPool(
            DynamoDbSubjectRegistry.DEFAULT_CONCURRENCY,
            Thread.ofPlatform().daemon().name("registry-write-", 1).factory());

    static IntakeService intakeService(FunctionEnvironment environment) {
        return intakeService(IntakeSettings.from(environment));
    }

    static IntakeService intakeService(IntakeSettings settings) {
        AwsClients aws = AwsClients.shared();
        // New contact keys are made with the key ring's current version.
        ContactKeyer keyer = new ContactKeyer(
                new SecretsManagerPepperSource(aws.secretsManager(), settings.pepperSecretId()).keyRing());
        ContactCipher cipher = new ContactCipher(new KmsDataKeyProvider(aws.kms(), settings.contactKeyId()));
        return new IntakeService(
                new ManifestReader(ContactNormalizer.forCountry(settings.defaultCountry())),
                keyer,
                cipher,
                new S3ManifestSource(aws.s3()),
                new DynamoDbSubjectRegistry(
                        aws.dynamoDb(), settings.subjectTable(), settings.contactTable(), REGISTRY_WRITES),
                new DynamoDbIntakeLedger(aws.dynamoDb(), settings.intakeTable()),
                new S3RejectsReport(aws.s3()),
                new SqsIngestQueue(aws.sqs(), settings.ingestQueueUrl()),
                Clock.systemUTC(),
                settings.rangeBytes());
    }

    static QueueBatchProcessor queueProcessor(IntakeSettings settings) {
        return new QueueBatchProcessor(
                "ingest", new SqsPoisonQueue(AwsClients.shared()::sqs, settings.ingestDeadLetterQueueUrl()));
    }
}
