package com.breachnotice.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.dynamodb.DynamoDbCampaignStore;
import com.breachnotice.aws.dynamodb.DynamoDbDeliveryLog;
import com.breachnotice.aws.dynamodb.DynamoDbSubjectRegistry;
import com.breachnotice.aws.messages.MessageCodec;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.intake.ContactRecord;
import com.breachnotice.core.intake.Registered;
import com.breachnotice.core.intake.Registration;
import com.breachnotice.core.intake.SubjectRecord;
import com.breachnotice.core.intake.Unconfirmed;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.planning.NoticeJob;
import com.breachnotice.core.registry.StoredContact;
import com.breachnotice.core.testing.FakeDataKeyProvider;
import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.emulator.LocalEmulator;
import com.breachnotice.emulator.ProvisionedStack;
import com.breachnotice.emulator.ResourceProvisioner;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The SMS fallback end to end on the emulator, through the real handler built from the function's
 * template environment: a subject with email and mobile loaded through the registry, an email
 * delivery recorded as the sender records it, then SNS-wrapped SES events (the AWS-shaped fixtures,
 * re-tagged for this delivery). The SMS job lands on the notice queue, where the sender takes it.
 */
class DeliveryEventFallbackIT {

    private static final String CAMPAIGN = "fallback-e2e";

    private static ProvisionedStack stack;
    private static AwsClients aws;
    private static DeliveryEventHandler handler;
    private static DynamoDbDeliveryLog deliveries;
    private static Map<String, String> environment;
    private static ContactCipher cipher;
    private static long nextLine = 2;

    @BeforeAll
    static void provision() {
        LocalEmulator emulator = LocalEmulator.shared();
        emulator.applyToSystemProperties();
        stack = ResourceProvisioner.forEmulator(emulator)
                .provision("it-eventfallback-" + UUID.randomUUID().toString().substring(0, 6));
        aws = new AwsClients();
        environment = new HashMap<>(emulator.environment());
        environment.putAll(stack.functionEnvironment("DeliveryEventFunction"));
        handler = new DeliveryEventHandler(environment);

        deliveries = new DynamoDbDeliveryLog(aws.dynamoDb(), stack.physicalId("DeliveryTable"));
        new DynamoDbCampaignStore(aws.dynamoDb(), stack.physicalId("CampaignTable"))
                .create(Fixtures.campaign(CAMPAIGN, ChannelPolicy.EMAIL_FIRST));
        cipher = new ContactCipher(new FakeDataKeyProvider());
    }

    @AfterAll
    static void close() {
        aws.close();
    }

    @Test
    void permanentBounce_bouncesTheEmail_queuesOneSmsJobForThePhone_repeatAndLateDeliveryChangeNothing()
            throws IOException {
        Sent sent = registeredAndSent("cust-once", "bounces@example.org", "+82 10 0000 0041");

        handler.handleRequest(sns("bounce-permanent", sent.email()), null);

        assertThat(status(sent.email())).isEqualTo(DeliveryStatus.BOUNCED);
        assertThat(queued(noticeQueue())).isEqualTo(1);

        handler.handleRequest(sns("bounce-permanent", sent.email()), null);
        handler.handleRequest(sns("delivery", sent.email()), null);

        assertThat(status(sent.email())).isEqualTo(DeliveryStatus.BOUNCED);
        assertThat(queued(noticeQueue())).isEqualTo(1);
        assertSmsJobFor(noticeQueue(), sent.phone(), "+821000000041");
        // The SMS delivery itself is the sender's to claim and record when it takes the job.
        assertThat(deliveries.find(new DeliveryId(sent.phone(), CAMPAIGN, Channel.SMS)))
                .isEmpty();
    }

    /**
     * The notice queue refuses the first attempt (here: a queue that does not exist), the handler
     * throws, and Lambda invokes it again with the same event: the retry must still queue the SMS.
     */
    @Test
    void permanentBounce_queueFailsOnce_lambdaRetryStillQueuesTheSms() throws IOException {
        Sent sent = registeredAndSent("cust-retry", "retried@example.org", "+82 10 0000 0042");
        String retryQueue = aws.sqs()
                .createQueue(b -> b.queueName(stack.stackName() + "-retry-notices"))
                .queueUrl();
        Map<String, String> failing = new HashMap<>(environment);
        failing.put("NOTICE_QUEUE_URL", retryQueue + "-gone");
        Map<String, String> healthy = new HashMap<>(environment);
        healthy.put("NOTICE_QUEUE_URL", retryQueue);
        SNSEvent bounce = sns("bounce-permanent", sent.email());

        assertThatThrownBy(() -> new DeliveryEventHandler(failing).handleRequest(bounce, null))
                .isInstanceOf(RuntimeException.class);
        // Not bounced yet: the bounce is recorded only once its fallback is queued.
        assertThat(status(sent.email())).isEqualTo(DeliveryStatus.SENT);
        new DeliveryEventHandler(healthy).handleRequest(bounce, null);

        assertThat(status(sent.email())).isEqualTo(DeliveryStatus.BOUNCED);
        assertThat(queued(retryQueue)).isEqualTo(1);
        assertSmsJobFor(retryQueue, sent.phone(), "+821000000042");
    }

    private record Sent(ContactKey email, ContactKey phone) {}

    /** A subject with email and mobile, loaded through the registry, and its email recorded as sent. */
    private static Sent registeredAndSent(String customerId, String rawEmail, String rawPhone) {
        ContactKeyer keyer = Fixtures.keyer();
        Contact mail = Fixtures.email(rawEmail);
        Contact mobile = Fixtures.phone(rawPhone);
        ContactKey email = keyer.keyOf(mail);
        ContactKey phone = keyer.keyOf(mobile);
        Set<ItemKind> items = Set.of(ItemKind.EMAIL, ItemKind.PHONE);
        {
            DynamoDbSubjectRegistry registry = new DynamoDbSubjectRegistry(
                    aws.dynamoDb(), stack.physicalId("SubjectTable"), stack.physicalId("ContactTable"));
            Registered registered = registry.register(
                    "m-e2e",
                    List.of(new Registration(
                            nextLine++,
                            false,
                            new SubjectRecord(
                                    customerId,
                                    items,
                                    NoticeLocale.KO,
                                    Optional.of(email),
                                    Optional.of(phone),
                                    Optional.empty(),
                                    "m-e2e"),
                            List.of(
                                    contact(customerId, email, mail, items),
                                    contact(customerId, phone, mobile, items)))),
                    Unconfirmed.NONE);
            registry.settle("m-e2e", registered.unconfirmed());
        }
        // The sender's record of a sent email, written after SES accepted the bulk call.
        deliveries.record(List.of(new DeliveryRecord(
                new DeliveryId(email, CAMPAIGN, Channel.EMAIL),
                DeliveryStatus.SENT,
                "reference-hash-" + customerId,
                Optional.of("ses-message-" + customerId),
                Optional.empty(),
                Fixtures.T0)));
        return new Sent(email, phone);
    }

    private static DeliveryStatus status(ContactKey email) {
        return deliveries
                .find(new DeliveryId(email, CAMPAIGN, Channel.EMAIL))
                .orElseThrow()
                .status();
    }

    private static void assertSmsJobFor(String queueUrl, ContactKey phone, String number) {
        List<Message> messages = aws.sqs()
                .receiveMessage(
                        b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
        assertThat(messages).singleElement().satisfies(message -> {
            NoticeJob job = MessageCodec.decodeNoticeJob(message.body());
            assertThat(job.campaignId()).isEqualTo(CAMPAIGN);
            assertThat(job.channel()).isEqualTo(Channel.SMS);
            assertThat(job.contacts()).containsExactly(phone);
            StoredContact enclosed = job.enclosed().get(phone);
            assertThat(enclosed).isNotNull();
            assertThat(cipher.open(enclosed.value(), phone.value())).isEqualTo(number);
        });
    }

    private static ContactRecord contact(String customerId, ContactKey key, Contact contact, Set<ItemKind> items) {
        return new ContactRecord(
                key,
                cipher.seal(contact.value(), key.value()),
                Optional.empty(),
                NoticeLocale.KO,
                items,
                customerId,
                contact.smsCapable(),
                false);
    }

    /** An AWS-shaped SES event fixture, re-tagged for this delivery, wrapped as SNS delivers it. */
    private static SNSEvent sns(String fixture, ContactKey email) throws IOException {
        String message = SesEventParserTest.fixture(fixture)
                .replace("E1" + "a".repeat(64), email.value())
                .replace("\"first-notice\"", "\"" + CAMPAIGN + "\"");
        return new SNSEvent()
                .withRecords(List.of(new SNSEvent.SNSRecord()
                        .withEventSource("aws:sns")
                        .withSns(new SNSEvent.SNS()
                                .withMessageId(UUID.randomUUID().toString())
                                .withType("Notification")
                                .withTopicArn(stack.physicalId("DeliveryEventsTopic"))
                                .withMessage(message))));
    }

    private static String noticeQueue() {
        return stack.physicalId("NoticeQueue");
    }

    /** Messages on the notice queue (visible and in flight); SQS in moto counts them exactly. */
    private static int queued(String queueUrl) {
        Map<QueueAttributeName, String> attributes = aws.sqs()
                .getQueueAttributes(b -> b.queueUrl(queueUrl)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }
}
