package com.breachnotice.sender;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.contact.KeyRing;
import com.breachnotice.core.contact.Pepper;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.lookup.CodeRequest;
import com.breachnotice.core.lookup.CodeSeal;
import com.breachnotice.core.lookup.InMemoryRateLimits;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.metrics.Metrics;
import com.breachnotice.core.sending.ChallengeCodeService;
import com.breachnotice.core.sending.SendResult;
import com.breachnotice.core.testing.FakeDataKeyProvider;
import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.core.testing.InMemorySubjectRegistry;
import com.breachnotice.core.testing.RecordingEmailSender;
import com.breachnotice.core.testing.RecordingSmsSender;
import com.breachnotice.queue.PoisonQueue;
import com.breachnotice.queue.QueueBatchProcessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The code sender fed with an SQS event as Lambda delivers it (fixture under events/). */
class ChallengeCodeHandlerTest {

    private static final JsonMapper EVENTS = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .build();

    private static final CodeSeal SEAL = new CodeSeal(
            KeyRing.single(new Pepper("a code-seal test pepper, thirty-two bytes".getBytes(StandardCharsets.UTF_8))),
            new SecureRandom());
    private static final String KIM_CHALLENGE = "Qm9uam91ci1jaGFsbGVuZ2U";
    private static final String UNKNOWN_CHALLENGE = "VW5rbm93bi1jaGFsbGVuZ2U";

    private final ContactKeyer keyer = Fixtures.keyer();
    private final ContactCipher cipher = new ContactCipher(new FakeDataKeyProvider());
    private final InMemorySubjectRegistry registry = new InMemorySubjectRegistry();
    private final RecordingEmailSender email = new RecordingEmailSender();
    private final RecordingSmsSender sms = new RecordingSmsSender();
    private final Contact kim = Fixtures.email("kim@example.com");
    private final Contact nobody = Fixtures.email("nobody@example.org");
    private final List<PoisonQueue.PoisonMessage> deadLettered = new ArrayList<>();
    private final ChallengeCodeHandler handler = new ChallengeCodeHandler(
            new ChallengeCodeService(
                    registry,
                    cipher,
                    email,
                    sms,
                    new InMemoryRateLimits(),
                    Clock.fixed(Fixtures.T0, ZoneOffset.UTC),
                    1000,
                    Metrics.NONE),
            new QueueBatchProcessor("code", deadLettered::add),
            SEAL);

    ChallengeCodeHandlerTest() {
        registry.put(Fixtures.stored(keyer, cipher, kim, "김민지", NoticeLocale.KO, Set.of(ItemKind.EMAIL), false));
    }

    private SQSEvent event() throws IOException {
        return event(SEAL);
    }

    /** The fixture with its codes sealed by {@code sealedWith}, as the lookup enqueues them. */
    private SQSEvent event(CodeSeal sealedWith) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/events/sqs-code-requests.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${EMAIL_KEY}", keyer.keyOf(kim).value())
                    .replace("${UNKNOWN_KEY}", keyer.keyOf(nobody).value())
                    .replace(
                            "${SEALED_KIM}",
                            sealedWith.seal(
                                    new CodeRequest(KIM_CHALLENGE, keyer.keyOf(kim), "482913", NoticeLocale.EN)))
                    .replace(
                            "${SEALED_UNKNOWN}",
                            sealedWith.seal(new CodeRequest(
                                    UNKNOWN_CHALLENGE, keyer.keyOf(nobody), "111111", NoticeLocale.KO)));
            return EVENTS.readValue(json, SQSEvent.class);
        }
    }

    @Test
    void handleRequest_codeGoesOnlyToTheRegisteredContact_malformedMessageDeadLetteredAtOnce() throws IOException {
        SQSBatchResponse response = handler.handleRequest(event(), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(deadLettered)
                .extracting(PoisonQueue.PoisonMessage::messageId)
                .containsExactly("d4b6f8a0-2c4e-4a6b-9d8f-1e3a5c7e9b03");
        assertThat(email.plainEmails()).singleElement().satisfies(sent -> {
            assertThat(sent.to()).isEqualTo("kim@example.com");
            assertThat(sent.text()).contains("482913").contains("valid for 10 minutes");
        });
        assertThat(sms.sent()).isEmpty();
    }

    /**
     * The handler's lines as Lambda receives them: the functions' log4j2.xml writes one JSON object a
     * line to standard output (it follows System.out, so the test captures it there).
     */
    @Test
    void handleRequest_logsJsonLinesWithLevelAndCorrelationIds_neverAChallengeIdCodeOrContact() throws IOException {
        SQSEvent event = event();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            handler.handleRequest(event, new RequestContext("c0ffee00-1111-2222-3333-444455556666"));
        } finally {
            System.setOut(stdout);
        }

        String output = captured.toString(StandardCharsets.UTF_8);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.lines().filter(line -> !line.isBlank()).toList()) {
            lines.add(EVENTS.readTree(line));
        }
        assertThat(lines)
                .filteredOn(line -> line.path("logger").asText().equals(ChallengeCodeHandler.class.getName()))
                .hasSize(2)
                .allSatisfy(line -> {
                    assertThat(line.path("level").asText()).isEqualTo("INFO");
                    assertThat(line.path("message").asText()).startsWith("code request: outcome=");
                    assertThat(line.path("timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
                    assertThat(line.path("requestId").asText()).isEqualTo("c0ffee00-1111-2222-3333-444455556666");
                })
                .extracting(line -> line.path("messageId").asText())
                .containsExactly("6a1f0b52-8d0e-4b7c-9d3a-2f4e7c1b9a01", "9c3e5d71-1b2a-4f6e-8a9d-0e4c7b2f5d02");
        assertThat(lines)
                .as("the dead-lettered message's line carries its ids too")
                .anySatisfy(line -> {
                    assertThat(line.path("level").asText()).isEqualTo("WARN");
                    assertThat(line.path("messageId").asText()).isEqualTo("d4b6f8a0-2c4e-4a6b-9d8f-1e3a5c7e9b03");
                    assertThat(line.path("requestId").asText()).isEqualTo("c0ffee00-1111-2222-3333-444455556666");
                });
        assertThat(output)
                .doesNotContain("Qm9uam91ci1jaGFsbGVuZ2U", "VW5rbm93bi1jaGFsbGVuZ2U")
                .doesNotContain("482913", "111111")
                .doesNotContain("kim@example.com", "nobody@example.org", "김민지")
                .doesNotContain(keyer.keyOf(kim).value(), keyer.keyOf(nobody).value());
    }

    @Test
    void handleRequest_throttledProvider_reportsTheRequestForRetry() throws IOException {
        email.script("kim@example.com", new SendResult.Throttled("TooManyRequests"));

        SQSBatchResponse response = handler.handleRequest(event(), null);

        assertThat(response.getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("6a1f0b52-8d0e-4b7c-9d3a-2f4e7c1b9a01");
    }

    @Test
    void handleRequest_codeSealedWithAnotherKeyRing_deadLetteredStillSealed() throws IOException {
        CodeSeal other = new CodeSeal(
                KeyRing.single(new Pepper("some other pepper of thirty-two bytes!!".getBytes(StandardCharsets.UTF_8))),
                new SecureRandom());

        SQSBatchResponse response = handler.handleRequest(event(other), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(email.plainEmails()).isEmpty();
        assertThat(deadLettered)
                .hasSize(3)
                .allSatisfy(poison -> assertThat(poison.body()).doesNotContain("482913", "111111"));
    }

    /**
     * Beside the lookup's logs, a challenge id (or a code) in the sender's log would tell whether a
     * contact is registered. Every line this handler writes, on every outcome, is free of both.
     */
    @Test
    void handleRequest_logsNoChallengeIdNorCode_onAnyOutcome() throws IOException {
        email.script("kim@example.com", new SendResult.Throttled("TooManyRequests"));
        SQSEvent event = event();
        String logged = captureLogs(() -> {
            handler.handleRequest(event, null); // retried: throttled
            handler.handleRequest(event, null); // sent: the script ran out
        });

        // The capture works: the outcomes were logged ...
        assertThat(logged).contains("outcome=");
        // ... and no line names a challenge, a code or a sealed code.
        assertThat(logged).doesNotContain(KIM_CHALLENGE, UNKNOWN_CHALLENGE, "broken", "482913", "111111");
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            String body = message.getBody();
            int sealed = body.indexOf("sealedCode");
            if (sealed >= 0) {
                String value = body.substring(sealed + 13, body.indexOf('"', sealed + 13));
                assertThat(logged).doesNotContain(value);
            }
        }
    }

    /** What the process writes to standard output and error while {@code work} runs (slf4j-simple writes to System.err). */
    private static String captureLogs(IoWork work) throws IOException {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            work.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private interface IoWork {
        void run() throws IOException;
    }

    /** The one thing of a Lambda context the handler reads: its request id. */
    private record RequestContext(String getAwsRequestId) implements Context {
        @Override
        public String getLogGroupName() {
            return "/aws/lambda/test";
        }

        @Override
        public String getLogStreamName() {
            return "test";
        }

        @Override
        public String getFunctionName() {
            return "ChallengeCodeFunction";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:ap-northeast-2:123456789012:function:ChallengeCodeFunction";
        }

        @Override
        public @Nullable CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public @Nullable ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 60_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            throw new UnsupportedOperationException("the handlers log through slf4j");
        }
    }
}
