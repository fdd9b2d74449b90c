package com.breachnotice.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.intake.IntakeService;
import com.breachnotice.core.intake.ManifestSource;
import com.breachnotice.core.manifest.ManifestReader;
import com.breachnotice.core.manifest.ManifestSummary;
import com.breachnotice.core.testing.FakeDataKeyProvider;
import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.core.testing.InMemoryIntakeLedger;
import com.breachnotice.core.testing.InMemoryManifestSource;
import com.breachnotice.core.testing.InMemorySubjectRegistry;
import com.breachnotice.core.testing.MutableClock;
import com.breachnotice.core.testing.RecordingIngestQueue;
import com.breachnotice.core.testing.RecordingRejectsReport;
import com.breachnotice.queue.PoisonQueue;
import com.breachnotice.queue.QueueBatchProcessor;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The intake worker fed with an SQS event as Lambda delivers it (fixture under events/): one range
 * loads, one whose S3 stream breaks is retried, and one whose byte range is backwards can never
 * decode and is dead-lettered at once.
 */
class IngestHandlerTest {

    // Lambda's own serializer is case-insensitive about "Records" and "eventSourceARN".
    private static final JsonMapper EVENTS = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .build();

    private static final String BUCKET = "bn-prod-manifests-123456789012";
    private static final String HEADER = "customer_id,email,affected";
    private static final String MANIFEST = HEADER + "\nc1,kim@example.com,name\n";
    private static final String LOADED_ID = "manifests/customers.csv#0f343b0931126a20f133d67c2b018a3b";
    private static final String LOADS = "3c9a7e21-5b4d-4f60-8a1e-2d3c4b5a6f01";
    private static final String STREAM_BREAKS = "3c9a7e21-5b4d-4f60-8a1e-2d3c4b5a6f02";
    private static final String POISON = "3c9a7e21-5b4d-4f60-8a1e-2d3c4b5a6f03";

    private final InMemoryManifestSource objects =
            new InMemoryManifestSource().put(BUCKET, "manifests/customers.csv", MANIFEST);

    /** The flaky object's stream breaks on the first read, as an S3 connection reset would. */
    private final ManifestSource source = (bucket, key, start, end) -> {
        if (key.equals("manifests/flaky.csv")) {
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("connection reset");
                }
            };
        }
        return objects.open(bucket, key, start, end);
    };

    private final InMemoryIntakeLedger ledger = new InMemoryIntakeLedger();
    private final InMemorySubjectRegistry registry = new InMemorySubjectRegistry();
    private final List<PoisonQueue.PoisonMessage> deadLettered = new ArrayList<>();
    private final IngestHandler handler = new IngestHandler(
            new IntakeService(
                    new ManifestReader(Fixtures.NORMALIZER),
                    Fixtures.keyer(),
                    new ContactCipher(new FakeDataKeyProvider()),
                    source,
                    registry,
                    ledger,
                    new RecordingRejectsReport(),
                    new RecordingIngestQueue(),
                    new MutableClock(Fixtures.T0),
                    IntakeService.DEFAULT_RANGE_BYTES),
            new QueueBatchProcessor("ingest", deadLettered::add));

    private static SQSEvent event() throws IOException {
        try (InputStream in = IngestHandlerTest.class.getResourceAsStream("/events/sqs-ingest-tasks.json")) {
            return EVENTS.readValue(Objects.requireNonNull(in, "fixture"), SQSEvent.class);
        }
    }

    private static List<String> failed(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    @Test
    void handleRequest_loadedRange_isDoneAndTheManifestFinished() throws IOException {
        SQSBatchResponse response = handler.handleRequest(event(), null);

        assertThat(failed(response)).doesNotContain(LOADS);
        assertThat(ledger.summary(LOADED_ID))
                .get()
                .extracting(ManifestSummary::rows, ManifestSummary::accepted, ManifestSummary::rejected)
                .containsExactly(1L, 1L, 0L);
    }

    @Test
    void handleRequest_brokenStream_isReportedForRetryAlone() throws IOException {
        SQSBatchResponse response = handler.handleRequest(event(), null);

        assertThat(failed(response)).containsExactly(STREAM_BREAKS);
    }

    @Test
    void handleRequest_taskThatCannotDecode_isDeadLetteredAtOnceNotRetried() throws IOException {
        SQSBatchResponse response = handler.handleRequest(event(), null);

        assertThat(failed(response)).doesNotContain(POISON);
        assertThat(deadLettered).singleElement().satisfies(poison -> {
            assertThat(poison.messageId()).isEqualTo(POISON);
            assertThat(poison.reason())
                    .isEqualTo("MalformedMessageException: ingest task: the range is not [start, end)"
                            + " with 0 <= start <= end");
        });
    }

    @Test
    void environmentConstructor_badCountry_failsAtStartUpNamingTheVariable() {
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "SUBJECT_TABLE", "subjects",
                "CONTACT_TABLE", "contacts",
                "INTAKE_TABLE", "intake",
                "INGEST_QUEUE_URL", "https://sqs.invalid/ingest",
                "CONTACT_KEY_ID", "key",
                "PEPPER_SECRET_ID", "pepper",
                "INGEST_DEAD_LETTER_QUEUE_URL", "https://sqs.invalid/ingest-dlq"));

        assertThatThrownBy(() -> new IngestHandler(environment))
                .hasMessage("missing environment variable DEFAULT_COUNTRY");
        environment.put("DEFAULT_COUNTRY", "Korea");
        assertThatThrownBy(() -> new IngestHandler(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("DEFAULT_COUNTRY: not a supported region code");
    }
}
