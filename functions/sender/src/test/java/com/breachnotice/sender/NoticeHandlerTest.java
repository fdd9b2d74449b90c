package com.breachnotice.sender;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.breachnotice.core.campaign.CampaignState;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.campaign.LifecycleService;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.metrics.RecordingMetrics;
import com.breachnotice.core.sending.CampaignGate;
import com.breachnotice.core.sending.LifecycleGate;
import com.breachnotice.core.sending.SendResult;
import com.breachnotice.core.testing.FakeDataKeyProvider;
import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.core.testing.InMemoryCampaignStore;
import com.breachnotice.core.testing.InMemoryDeliveryLog;
import com.breachnotice.core.testing.InMemorySendGovernor;
import com.breachnotice.core.testing.InMemorySubjectRegistry;
import com.breachnotice.core.testing.MutableClock;
import com.breachnotice.core.testing.RecordingEmailSender;
import com.breachnotice.core.testing.RecordingSmsSender;
import com.breachnotice.core.testing.SenderServiceBuilder;
import com.breachnotice.queue.PoisonQueue;
import com.breachnotice.queue.QueueBatchProcessor;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender handler fed with an SQS event as Lambda delivers it (fixture under events/). */
class NoticeHandlerTest {

    // Lambda's own serializer is case-insensitive about "Records" and "eventSourceARN".
    private static final JsonMapper EVENTS = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .build();

    private final ContactKeyer keyer = Fixtures.keyer();
    private final ContactCipher cipher = new ContactCipher(new FakeDataKeyProvider());
    private final InMemorySubjectRegistry registry = new InMemorySubjectRegistry();
    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    private final InMemoryCampaignStore campaigns = new InMemoryCampaignStore();
    private final RecordingEmailSender email = new RecordingEmailSender();
    private final RecordingSmsSender sms = new RecordingSmsSender();
    private final Contact kim = Fixtures.email("kim@example.com");
    private final Contact lee = Fixtures.phone("010-0123-4567");
    private final List<PoisonQueue.PoisonMessage> deadLettered = new ArrayList<>();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private NoticeHandler handler;

    @BeforeEach
    void setUp() {
        campaigns.create(Fixtures.campaign("first-notice", ChannelPolicy.EMAIL_FIRST));
        registry.put(Fixtures.stored(keyer, cipher, kim, "김민지", NoticeLocale.KO, Set.of(ItemKind.EMAIL), false));
        registry.put(Fixtures.stored(keyer, cipher, lee, "", NoticeLocale.KO, Set.of(ItemKind.PHONE), true));
        handler = new NoticeHandler(
                senders(new MutableClock(Fixtures.T0)).build(),
                new QueueBatchProcessor("notice", deadLettered::add),
                metrics);
    }

    /** The handler's sender over this test's stores and recorders, on {@code clock}. */
    private SenderServiceBuilder senders(MutableClock clock) {
        return new SenderServiceBuilder()
                .campaigns(campaigns)
                .contacts(registry)
                .deliveries(log)
                .cipher(cipher)
                .keyer(keyer)
                .email(email)
                .sms(sms)
                .clock(clock);
    }

    private SQSEvent event() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/events/sqs-notice-jobs.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${EMAIL_KEY}", keyer.keyOf(kim).value())
                    .replace("${PHONE_KEY}", keyer.keyOf(lee).value());
            return EVENTS.readValue(json, SQSEvent.class);
        }
    }

    @Test
    void handleRequest_batchWithAMalformedBody_sendsTheJobsAndDeadLettersTheMalformedOneAtOnce() throws IOException {
        SQSBatchResponse response = handler.handleRequest(event(), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(deadLettered)
                .extracting(PoisonQueue.PoisonMessage::messageId)
                .containsExactly("c80e8021-a70a-42c7-a470-796e1186f753");
        assertThat(deadLettered.getFirst().reason()).startsWith("MalformedMessageException: notice job:");
        assertThat(email.sentTo("kim@example.com")).isEqualTo(1);
        assertThat(sms.sentTo("+821001234567")).isEqualTo(1);
        assertThat(metrics.count("NoticesSent", "email")).isEqualTo(1);
        assertThat(metrics.count("NoticesSent", "sms")).isEqualTo(1);
        assertThat(metrics.counts())
                .extracting(RecordingMetrics.Count::metric)
                .as("nothing failed or retried")
                .containsOnly("NoticesSent");
    }

    @Test
    void handleRequest_jobCrashes_reportedForRetryAndTheLogSaysWhy() throws IOException {
        email.afterBulk(call -> {
            throw new IllegalStateException("crashed after SES took kim@example.com");
        });
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        SQSBatchResponse response;
        try {
            response = handler.handleRequest(event(), null);
        } finally {
            System.setOut(out);
        }

        assertThat(response.getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .contains("059f36b4-87a3-44ab-83d2-661975830a7d");
        String logged = captured.toString(StandardCharsets.UTF_8);
        assertThat(logged).contains("notice job failed", "error=IllegalStateException", "at=");
        assertThat(logged).as("the class chain only, never the message").doesNotContain("kim@example.com");
    }

    @Test
    void handleRequest_sameBatchRedelivered_sendsNothingTwice() throws IOException {
        handler.handleRequest(event(), null);

        handler.handleRequest(event(), null);

        assertThat(email.sentTo("kim@example.com")).isEqualTo(1);
        assertThat(sms.sentTo("+821001234567")).isEqualTo(1);
    }

    @Test
    void handleRequest_throttledEmail_reportsTheJobForRetry() throws IOException {
        SendResult.Throttled throttled = new SendResult.Throttled("TooManyRequests");
        email.script("kim@example.com", throttled, throttled, throttled);

        SQSBatchResponse response = handler.handleRequest(event(), null);

        assertThat(response.getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .contains("059f36b4-87a3-44ab-83d2-661975830a7d");
        assertThat(metrics.count("NoticesRetried", "email")).isEqualTo(1);
    }

    @Test
    void handleRequest_sameJobTwiceInOneBatch_sentOnce() throws IOException {
        SQSEvent event = event();
        List<SQSEvent.SQSMessage> doubled = new java.util.ArrayList<>(event.getRecords());
        doubled.addAll(event.getRecords());
        event.setRecords(doubled);

        handler.handleRequest(event, null);

        assertThat(email.sentTo("kim@example.com")).isEqualTo(1);
        assertThat(sms.sentTo("+821001234567")).isEqualTo(1);
    }

    private NoticeHandler steered(List<String> parked) {
        MutableClock clock = new MutableClock(Fixtures.T0);
        return new NoticeHandler(
                senders(clock)
                        .gate(new LifecycleGate(campaigns, CampaignGate.ALWAYS_OPEN, clock, Duration.ZERO))
                        .build(),
                new QueueBatchProcessor(
                        "notice", deadLettered::add, (body, delay) -> parked.add(delay.toSeconds() + "s")),
                metrics);
    }

    @Test
    void handleRequest_pausedCampaign_jobsParkedNotFailedNothingClaimedOrSent() throws IOException {
        List<String> parked = new ArrayList<>();
        new LifecycleService(campaigns, new MutableClock(Fixtures.T0))
                .move("first-notice", CampaignState.PAUSED, "ops", "wrong text");

        SQSBatchResponse response = steered(parked).handleRequest(event(), null);

        assertThat(response.getBatchItemFailures())
                .as("a held job spends no receive")
                .isEmpty();
        assertThat(parked).containsExactly("60s", "60s");
        assertThat(metrics.counts()).as("waiting on purpose is no retry").isEmpty();
        assertThat(email.sentTo("kim@example.com")).isZero();
        assertThat(sms.sentTo("+821001234567")).isZero();
        assertThat(log.find(new DeliveryId(keyer.keyOf(kim), "first-notice", Channel.EMAIL)))
                .isEmpty();
    }

    @Test
    void handleRequest_scheduleTooFarAhead_jobsParkedUnreservedNotFailed() throws IOException {
        List<String> parked = new ArrayList<>();
        // The schedule is 120 s ahead (texts at a few parts a second): more than a third of the lease.
        InMemorySendGovernor busy = new InMemorySendGovernor();
        busy.reserve("first-notice", Channel.EMAIL, 1, 1.0 / 120, Fixtures.T0);
        busy.reserve("first-notice", Channel.SMS, 1, 1.0 / 120, Fixtures.T0);
        NoticeHandler farAhead = new NoticeHandler(
                senders(new MutableClock(Fixtures.T0)).governor(busy).build(),
                new QueueBatchProcessor(
                        "notice", deadLettered::add, (body, delay) -> parked.add(delay.toSeconds() + "s")),
                metrics);

        SQSBatchResponse response = farAhead.handleRequest(event(), null);

        assertThat(response.getBatchItemFailures())
                .as("waiting for the schedule spends no receive, so it never dead-letters a job")
                .isEmpty();
        // Back after a sixth of the 5-minute lease and up to 10 minutes more; nothing was reserved.
        assertThat(parked)
                .hasSize(2)
                .allSatisfy(delay ->
                        assertThat(Integer.parseInt(delay.replace("s", ""))).isBetween(50, 650));
        assertThat(busy.reservations()).hasSize(2);
        assertThat(email.sentTo("kim@example.com")).isZero();
        assertThat(sms.sentTo("+821001234567")).isZero();
        assertThat(deadLettered).as("only the fixture's malformed body").hasSize(1);
    }

    @Test
    void handleRequest_cancelledCampaign_deliveriesEndCancelledNothingSent() throws IOException {
        List<String> parked = new ArrayList<>();
        new LifecycleService(campaigns, new MutableClock(Fixtures.T0))
                .move("first-notice", CampaignState.CANCELLED, "ops", "regulator asked");

        SQSBatchResponse response = steered(parked).handleRequest(event(), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(parked).isEmpty();
        assertThat(email.sentTo("kim@example.com")).isZero();
        assertThat(log.find(new DeliveryId(keyer.keyOf(kim), "first-notice", Channel.EMAIL)))
                .hasValueSatisfying(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.CANCELLED));
        assertThat(log.find(new DeliveryId(keyer.keyOf(lee), "first-notice", Channel.SMS)))
                .hasValueSatisfying(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.CANCELLED));
    }
}
