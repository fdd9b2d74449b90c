package com.breachnotice.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.events.DeliveryEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SesEventParserTest {

    static String fixture(String name) throws IOException {
        try (InputStream in = SesEventParserTest.class.getResourceAsStream("/events/ses/" + name + ".json")) {
            if (in == null) {
                throw new IOException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "delivery, DELIVERED",
        "bounce-permanent, HARD_BOUNCE",
        "bounce-suppressed, SUPPRESSED",
        "bounce-transient, SOFT_BOUNCE",
        "bounce-undetermined, SOFT_BOUNCE",
        "complaint, COMPLAINT",
        "reject, REJECTED",
        "rendering-failure, RENDERING_FAILED",
        "delivery-delay, DELAYED"
    })
    void parse_sesEventFixture_mapsToNeutralKind(String fixture, DeliveryEvent.Kind expected) throws IOException {
        Optional<DeliveryEvent> event = SesEventParser.parse(fixture(fixture));

        assertThat(event).isPresent();
        assertThat(event.get().kind()).isEqualTo(expected);
        assertThat(event.get().campaignId()).isEqualTo("first-notice");
        assertThat(event.get().channel()).isEqualTo(Channel.EMAIL);
        assertThat(event.get().contact().value()).startsWith("E");
    }

    @Test
    void parse_bounce_takesTheBounceTimestampAndAReasonWithoutTheAddress() throws IOException {
        DeliveryEvent event = SesEventParser.parse(fixture("bounce-permanent")).orElseThrow();

        assertThat(event.at()).isEqualTo(Instant.parse("2026-11-20T01:02:06Z"));
        assertThat(event.detail()).contains("bounce:Permanent/General");
        assertThat(event.detail().orElseThrow()).doesNotContain("@");
    }

    @Test
    void parse_eventWithoutOurTags_isIgnored() throws IOException {
        assertThat(SesEventParser.parse(fixture("foreign-untagged"))).isEmpty();
    }

    @Test
    void parse_sendEvent_isNotAnOutcome() throws IOException {
        assertThat(SesEventParser.parse(fixture("send"))).isEmpty();
    }

    @Test
    void parse_tagWithAForgedContactKey_isIgnored() throws IOException {
        String forged = fixture("delivery").replaceFirst("\"E1[a]{64}\"", "\"E../../etc\"");

        assertThat(SesEventParser.parse(forged)).isEmpty();
    }
}
