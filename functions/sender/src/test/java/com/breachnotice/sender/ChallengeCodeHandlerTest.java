package com.breachnotice.sender;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.lookup.InMemoryRateLimits;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.sending.ChallengeCodeService;
import com.breachnotice.core.sending.SendResult;
import com.breachnotice.core.testing.FakeDataKeyProvider;
import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.core.testing.InMemorySubjectRegistry;
import com.breachnotice.core.testing.RecordingEmailSender;
import com.breachnotice.core.testing.RecordingSmsSender;
import com.breachnotice.queue.PoisonQueue;
import com.breachnotice.queue.QueueBatchProcessor;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The code sender fed with an SQS event as Lambda delivers it (fixture under events/). */
class ChallengeCodeHandlerTest {

    private static final JsonMapper EVENTS = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .build();

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
                    1000),
            new QueueBatchProcessor("code", deadLettered::add));

    ChallengeCodeHandlerTest() {
        registry.put(Fixtures.stored(keyer, cipher, kim, "김민지", NoticeLocale.KO, Set.of(ItemKind.EMAIL), false));
    }

    private SQSEvent event() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/events/sqs-code-requests.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${EMAIL_KEY}", keyer.keyOf(kim).value())
                    .replace("${UNKNOWN_KEY}", keyer.keyOf(nobody).value());
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

    @Test
    void handleRequest_throttledProvider_reportsTheRequestForRetry() throws IOException {
        email.script("kim@example.com", new SendResult.Throttled("TooManyRequests"));

        SQSBatchResponse response = handler.handleRequest(event(), null);

        assertThat(response.getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("6a1f0b52-8d0e-4b7c-9d3a-2f4e7c1b9a01");
    }
}
