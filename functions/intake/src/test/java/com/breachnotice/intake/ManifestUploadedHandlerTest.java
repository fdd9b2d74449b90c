package com.breachnotice.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.intake.IngestTask;
import com.breachnotice.core.intake.IntakeService;
import com.breachnotice.core.manifest.ManifestReader;
import com.breachnotice.core.testing.FakeDataKeyProvider;
import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.core.testing.InMemoryIntakeLedger;
import com.breachnotice.core.testing.InMemoryManifestSource;
import com.breachnotice.core.testing.InMemorySubjectRegistry;
import com.breachnotice.core.testing.MutableClock;
import com.breachnotice.core.testing.RecordingIngestQueue;
import com.breachnotice.core.testing.RecordingRejectsReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The upload handler fed with an S3 notification as S3 sends it (fixture under events/). */
class ManifestUploadedHandlerTest {

    private static final String BUCKET = "bn-prod-manifests-123456789012";
    private static final String KEY = "manifests/고객 명단 2026-11-20.csv";
    private static final String HEADER = "customer_id,email,affected";
    private static final String MANIFEST = HEADER + "\nc1,kim@example.com,name\n";

    private final InMemoryIntakeLedger ledger = new InMemoryIntakeLedger();
    private final RecordingIngestQueue queue = new RecordingIngestQueue();
    private final ManifestUploadedHandler handler = new ManifestUploadedHandler(new IntakeService(
            new ManifestReader(Fixtures.NORMALIZER),
            Fixtures.keyer(),
            new ContactCipher(new FakeDataKeyProvider()),
            new InMemoryManifestSource().put(BUCKET, KEY, MANIFEST),
            new InMemorySubjectRegistry(),
            ledger,
            new RecordingRejectsReport(),
            queue,
            new MutableClock(Fixtures.T0),
            IntakeService.DEFAULT_RANGE_BYTES));

    /** Builds the event from the fixture the way Lambda's serializer fills it. */
    private static S3Event event() throws IOException {
        try (InputStream in =
                ManifestUploadedHandlerTest.class.getResourceAsStream("/events/s3-manifest-uploaded.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<S3EventNotification.S3EventNotificationRecord> records = new ArrayList<>();
            for (JsonNode r : root.path("Records")) {
                JsonNode s3 = r.path("s3");
                JsonNode bucket = s3.path("bucket");
                JsonNode object = s3.path("object");
                records.add(new S3EventNotification.S3EventNotificationRecord(
                        r.path("awsRegion").asText(),
                        r.path("eventName").asText(),
                        r.path("eventSource").asText(),
                        r.path("eventTime").asText(),
                        r.path("eventVersion").asText(),
                        new S3EventNotification.RequestParametersEntity(r.path("requestParameters")
                                .path("sourceIPAddress")
                                .asText()),
                        new S3EventNotification.ResponseElementsEntity(
                                r.path("responseElements").path("x-amz-id-2").asText(),
                                r.path("responseElements")
                                        .path("x-amz-request-id")
                                        .asText()),
                        new S3EventNotification.S3Entity(
                                s3.path("configurationId").asText(),
                                new S3EventNotification.S3BucketEntity(
                                        bucket.path("name").asText(),
                                        new S3EventNotification.UserIdentityEntity(bucket.path("ownerIdentity")
                                                .path("principalId")
                                                .asText()),
                                        bucket.path("arn").asText()),
                                new S3EventNotification.S3ObjectEntity(
                                        object.path("key").asText(),
                                        object.path("size").asLong(),
                                        object.path("eTag").asText(),
                                        "",
                                        object.path("sequencer").asText()),
                                s3.path("s3SchemaVersion").asText()),
                        new S3EventNotification.UserIdentityEntity(
                                r.path("userIdentity").path("principalId").asText())));
            }
            return new S3Event(records);
        }
    }

    @Test
    void handleRequest_manifestUnderManifests_isOpenedAndQueuedWithItsDecodedKey() throws IOException {
        handler.handleRequest(event(), null);

        assertThat(queue.all()).singleElement().satisfies(task -> {
            assertThat(task.key()).isEqualTo("manifests/고객 명단 2026-11-20.csv");
            assertThat(task.bucket()).isEqualTo("bn-prod-manifests-123456789012");
            assertThat(task)
                    .extracting(IngestTask::start, IngestTask::end, IngestTask::firstLine, IngestTask::header)
                    .containsExactly((long) HEADER.length() + 1, (long) MANIFEST.length(), 2L, HEADER);
        });
        assertThat(ledger.opened()).containsExactly("manifests/고객 명단 2026-11-20.csv#d41d8cd98f00b204e9800998ecf8427e");
    }

    @Test
    void constructor_missingVariable_failsAtStartUpNamingIt() {
        assertThatThrownBy(() -> new IngestHandler(Map.of("SUBJECT_TABLE", "subjects")))
                .isInstanceOf(FunctionEnvironment.MissingSettingException.class)
                .hasMessage("missing environment variable CONTACT_TABLE");
    }
}
