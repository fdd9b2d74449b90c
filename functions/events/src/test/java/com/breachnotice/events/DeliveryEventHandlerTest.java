package com.breachnotice.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.events.DeliveryEventService;
import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.core.testing.InMemoryDeliveryLog;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryEventHandlerTest {

    private static final ContactKey CONTACT = new ContactKey("E1" + "a".repeat(64));
    private static final DeliveryId DELIVERY = new DeliveryId(CONTACT, "first-notice", Channel.EMAIL);

    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    private final DeliveryEventHandler handler = new DeliveryEventHandler(new DeliveryEventService(log));

    private static SNSEvent snsEvent(String... fixtures) throws IOException {
        List<SNSEvent.SNSRecord> records = new java.util.ArrayList<>();
        for (String fixture : fixtures) {
            records.add(new SNSEvent.SNSRecord()
                    .withEventSource("aws:sns")
                    .withSns(new SNSEvent.SNS()
                            .withMessageId("sns-" + fixture)
                            .withType("Notification")
                            .withTopicArn("arn:aws:sns:ap-northeast-2:123456789012:bn-DeliveryEventsTopic")
                            .withMessage(SesEventParserTest.fixture(fixture))));
        }
        return new SNSEvent().withRecords(records);
    }

    private void sent() {
        log.record(List.of(new DeliveryRecord(
                DELIVERY, DeliveryStatus.SENT, "hash", Optional.of("ses-1"), Optional.empty(), Fixtures.T0)));
    }

    @Test
    void handleRequest_bounceThenLateDelivery_staysBounced() throws IOException {
        sent();

        handler.handleRequest(snsEvent("bounce-permanent", "delivery", "bounce-permanent"), null);

        assertThat(log.find(DELIVERY))
                .hasValueSatisfying(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.BOUNCED));
    }

    @Test
    void handleRequest_suppressedAndForeignAndGarbage_suppressesAndIgnoresTheRest() throws IOException {
        sent();
        SNSEvent event = snsEvent("foreign-untagged", "bounce-suppressed");
        event.getRecords().get(0).getSNS().setMessage("{not json");

        handler.handleRequest(event, null);

        assertThat(log.find(DELIVERY))
                .hasValueSatisfying(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SUPPRESSED));
    }

    @Test
    void handleRequest_bounceBeforeTheRecord_failsSoLambdaRetries_thenApplies() throws IOException {
        SNSEvent bounce = snsEvent("bounce-permanent");

        assertThatThrownBy(() -> handler.handleRequest(bounce, null))
                .isInstanceOf(DeliveryEventHandler.EventBeforeRecordException.class);
        assertThat(log.find(DELIVERY)).isEmpty();

        sent();
        handler.handleRequest(bounce, null);
        assertThat(log.find(DELIVERY))
                .hasValueSatisfying(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.BOUNCED));
    }

    @Test
    void constructor_missingVariable_failsNamingIt() {
        assertThatThrownBy(() -> new DeliveryEventHandler(Map.of()))
                .isInstanceOf(FunctionEnvironment.MissingSettingException.class)
                .hasMessageContaining("DELIVERY_TABLE");
    }
}
