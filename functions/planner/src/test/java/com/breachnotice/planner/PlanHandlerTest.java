package com.breachnotice.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.planning.ContactDirectory;
import com.breachnotice.core.planning.ContactProfile;
import com.breachnotice.core.planning.NoticeJob;
import com.breachnotice.core.planning.PlannerService;
import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.core.testing.InMemoryCampaignStore;
import com.breachnotice.core.testing.InMemoryContactDirectory;
import com.breachnotice.core.testing.InMemoryDeliveryLog;
import com.breachnotice.core.testing.InMemoryJobLedger;
import com.breachnotice.core.testing.InMemoryPlanLedger;
import com.breachnotice.core.testing.RecordingNoticeJobQueue;
import com.breachnotice.core.testing.RecordingPlanQueue;
import com.breachnotice.queue.PoisonQueue;
import com.breachnotice.queue.QueueBatchProcessor;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The planner handler fed with an SQS event as Lambda delivers it (fixture under events/): segment
 * 0 plans, segment 1 hits a failing scan and is retried, and a task naming segment 5 of 2 can never
 * decode and is dead-lettered at once.
 */
class PlanHandlerTest {

    // Lambda's own serializer is case-insensitive about "Records" and "eventSourceARN".
    private static final JsonMapper EVENTS = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .build();

    private static final String PLANNED = "7b2e5c1a-3f4d-4e6a-9b8c-0d1e2f3a4b01";
    private static final String SCAN_FAILS = "7b2e5c1a-3f4d-4e6a-9b8c-0d1e2f3a4b02";
    private static final String POISON = "7b2e5c1a-3f4d-4e6a-9b8c-0d1e2f3a4b03";

    private final ContactKeyer keyer = Fixtures.keyer();
    private final InMemoryCampaignStore campaigns = new InMemoryCampaignStore();
    private final InMemoryContactDirectory contacts = new InMemoryContactDirectory(1000);
    private final InMemoryPlanLedger ledger = new InMemoryPlanLedger();
    private final RecordingNoticeJobQueue jobs = new RecordingNoticeJobQueue();
    private final List<PoisonQueue.PoisonMessage> deadLettered = new ArrayList<>();

    /** Segment 1's scan times out, as a throttled DynamoDB scan would after the SDK's retries. */
    private final ContactDirectory directory = (segment, totalSegments, startKey, pageSize) -> {
        if (segment == 1) {
            throw new IllegalStateException("scan timed out");
        }
        return contacts.scan(segment, totalSegments, startKey, pageSize);
    };

    private final PlanHandler handler = new PlanHandler(
            new PlannerService(
                    campaigns,
                    directory,
                    ledger,
                    jobs,
                    new RecordingPlanQueue(),
                    new InMemoryDeliveryLog(),
                    new InMemoryDeliveryLog(),
                    new InMemoryJobLedger(),
                    Clock.fixed(Fixtures.T0, ZoneOffset.UTC)),
            new QueueBatchProcessor("plan", deadLettered::add));

    PlanHandlerTest() {
        campaigns.create(Fixtures.campaign("first-notice", ChannelPolicy.EMAIL_FIRST));
        for (int i = 0; i < 40; i++) {
            contacts.add(new ContactProfile(
                    keyer.keyOf(Contact.email("user" + i + "@example.com")), NoticeLocale.KO, false, false));
        }
    }

    private static SQSEvent event() throws IOException {
        try (InputStream in = PlanHandlerTest.class.getResourceAsStream("/events/sqs-plan-tasks.json")) {
            return EVENTS.readValue(Objects.requireNonNull(in, "fixture"), SQSEvent.class);
        }
    }

    private static List<String> failed(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    @Test
    void handleRequest_plannedPage_isDoneAndItsJobsQueued() throws IOException {
        SQSBatchResponse response = handler.handleRequest(event(), null);

        assertThat(failed(response)).doesNotContain(PLANNED);
        assertThat(ledger.completedPages()).isEqualTo(1);
        // Segment 0's contacts, and only they, are queued as email jobs.
        assertThat(jobs.all())
                .isNotEmpty()
                .allSatisfy(job -> assertThat(job.campaignId()).isEqualTo("first-notice"));
        int queued = jobs.all().stream().mapToInt(job -> job.contacts().size()).sum();
        assertThat(queued).isBetween(1, 39);
    }

    @Test
    void handleRequest_failingScan_isReportedForRetryAlone() throws IOException {
        SQSBatchResponse response = handler.handleRequest(event(), null);

        assertThat(failed(response)).containsExactly(SCAN_FAILS);
    }

    @Test
    void handleRequest_taskThatCannotDecode_isDeadLetteredAtOnceNotRetried() throws IOException {
        SQSBatchResponse response = handler.handleRequest(event(), null);

        assertThat(failed(response)).doesNotContain(POISON);
        assertThat(deadLettered).singleElement().satisfies(poison -> {
            assertThat(poison.messageId()).isEqualTo(POISON);
            assertThat(poison.body()).contains("\"segment\":5");
            assertThat(poison.reason())
                    .isEqualTo("MalformedMessageException: plan task: bad segment, total segments or page");
        });
    }

    @Test
    void handleRequest_sameBatchAgain_plansNothingTwice() throws IOException {
        handler.handleRequest(event(), null);
        List<NoticeJob> first = jobs.drain();

        handler.handleRequest(event(), null);

        assertThat(first).isNotEmpty();
        assertThat(jobs.all()).isEmpty();
        assertThat(deadLettered).hasSize(2);
    }

    @Test
    void environmentConstructor_missingVariable_failsAtStartUpNamingIt() {
        assertThatThrownBy(() -> new PlanHandler(Map.of("CAMPAIGN_TABLE", "campaigns")))
                .isInstanceOf(FunctionEnvironment.MissingSettingException.class)
                .hasMessage("missing environment variable CONTACT_TABLE");
        assertThatThrownBy(() -> new PlanHandler(Map.of(
                        "CAMPAIGN_TABLE", "campaigns",
                        "CONTACT_TABLE", "contacts",
                        "DELIVERY_TABLE", "deliveries",
                        "NOTICE_QUEUE_URL", "https://sqs.invalid/notices",
                        "PLAN_QUEUE_URL", "https://sqs.invalid/plans")))
                .hasMessage("missing environment variable PLAN_DEAD_LETTER_QUEUE_URL");
    }
}
