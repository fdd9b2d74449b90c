package com.breachnotice.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.delivery.Delivery;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.StatusChange;
import com.breachnotice.core.events.SmsResultService;
import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.core.testing.InMemoryDeliveryLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The SMS results handler on CloudWatch Logs subscription deliveries of SNS's SMS delivery-status
 * logs (test resources events/sms: the encoded events, and beside each its decoded payload).
 */
class SmsResultHandlerTest {

    private static final String DELIVERED_1 = "5f1c7e0a-2b9d-5c3e-9a41-0d8e6b7f1a23";
    private static final String DELIVERED_2 = "8c3a1d4e-6f20-5b7a-8e19-4b2c0d9e5f67";
    private static final String FAILED = "0e9d8c7b-6a5f-5e4d-9c3b-2a1f0e9d8c7b";

    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    private final SmsResultHandler handler = new SmsResultHandler(new SmsResultService(log, log));

    static CloudWatchLogsEvent fixture(String name) throws IOException {
        try (InputStream in = SmsResultHandlerTest.class.getResourceAsStream("/events/sms/" + name + ".json")) {
            String data = new ObjectMapper().readTree(in).at("/awslogs/data").asText();
            CloudWatchLogsEvent event = new CloudWatchLogsEvent();
            CloudWatchLogsEvent.AWSLogs logs = new CloudWatchLogsEvent.AWSLogs();
            logs.setData(data);
            event.setAwsLogs(logs);
            return event;
        }
    }

    private DeliveryId sent(String messageId, int n) {
        DeliveryId id =
                new DeliveryId(new ContactKey("P1" + Integer.toString(n).repeat(64)), "first-notice", Channel.SMS);
        log.record(List.of(new DeliveryRecord(
                id, DeliveryStatus.SENT, "hash-" + n, Optional.of(messageId), Optional.empty(), Fixtures.T0)));
        return id;
    }

    @Test
    void parse_realPayload_everyReport_noPhoneNumberRead() throws IOException {
        SmsDeliveryStatusParser.Parsed parsed =
                SmsDeliveryStatusParser.parse(fixture("delivered").getAwsLogs().getData());

        assertThat(parsed.unreadable()).isZero();
        assertThat(parsed.reports()).hasSize(2);
        assertThat(parsed.reports().get(0).providerMessageId()).isEqualTo(DELIVERED_1);
        assertThat(parsed.reports().get(0).delivered()).isTrue();
        assertThat(parsed.reports().get(0).at()).isEqualTo(Instant.parse("2026-03-02T09:00:34.558Z"));
        assertThat(parsed.reports().toString()).doesNotContain("+8210");
    }

    @Test
    void handleRequest_successAndFailureLogs_deliveredAndFailedWithTheCarriersReason() throws IOException {
        DeliveryId first = sent(DELIVERED_1, 1);
        DeliveryId second = sent(DELIVERED_2, 2);
        DeliveryId failed = sent(FAILED, 3);

        handler.handleRequest(fixture("delivered"), null);
        handler.handleRequest(fixture("failed"), null);
        handler.handleRequest(fixture("delivered"), null);

        Delivery delivered = log.find(first).orElseThrow();
        assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivered.history())
                .containsExactly(
                        new StatusChange(DeliveryStatus.SENT, Fixtures.T0),
                        new StatusChange(DeliveryStatus.DELIVERED, Instant.parse("2026-03-02T09:00:34.558Z")));
        assertThat(log.find(second).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
        Delivery lost = log.find(failed).orElseThrow();
        assertThat(lost.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(lost.reason()).contains("sms:phone-is-currently-unreachable/unavailable");
    }

    @Test
    void handleRequest_reportBeforeItsRecord_failsSoLambdaRetries() throws IOException {
        sent(DELIVERED_1, 1);

        assertThatThrownBy(() -> handler.handleRequest(fixture("delivered"), null))
                .isInstanceOf(SmsResultHandler.ReportBeforeRecordException.class);

        DeliveryId second = sent(DELIVERED_2, 2);
        handler.handleRequest(fixture("delivered"), null);
        assertThat(log.find(second).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void handleRequest_controlMessageOrGarbage_nothingAndNoThrow() throws IOException {
        DeliveryId id = sent(DELIVERED_1, 1);
        handler.handleRequest(fixture("control"), null);
        CloudWatchLogsEvent garbage = fixture("control");
        garbage.getAwsLogs().setData("not base64 at all!");
        handler.handleRequest(garbage, null);

        assertThat(log.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void parse_unreadableMessages_countedAndLeftOut_badTimestamp_fallsBackToTheLogEventsTime() throws IOException {
        String good = "{\"notification\":{\"messageId\":\"m-1\",\"timestamp\":\"yesterday\"},"
                + "\"delivery\":{\"providerResponse\":\"ok\"},\"status\":\"SUCCESS\"}";
        String payload = "{\"messageType\":\"DATA_MESSAGE\",\"logEvents\":["
                + "{\"timestamp\":1772442000000,\"message\":" + quote(good) + "},"
                + "{\"timestamp\":1,\"message\":\"not json\"},"
                + "{\"timestamp\":2,\"message\":" + quote("{\"status\":\"PENDING\"}") + "}]}";
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
            out.write(payload.getBytes(StandardCharsets.UTF_8));
        }

        SmsDeliveryStatusParser.Parsed parsed =
                SmsDeliveryStatusParser.parse(Base64.getEncoder().encodeToString(zipped.toByteArray()));

        assertThat(parsed.unreadable()).isEqualTo(2);
        assertThat(parsed.reports()).singleElement().satisfies(report -> {
            assertThat(report.providerMessageId()).isEqualTo("m-1");
            assertThat(report.at()).isEqualTo(Instant.ofEpochMilli(1772442000000L));
        });
    }

    @Test
    void constructor_withoutTheDeliveryTable_namesTheMissingSetting() {
        assertThatThrownBy(() -> new SmsResultHandler(Map.of()))
                .isInstanceOf(FunctionEnvironment.MissingSettingException.class)
                .hasMessageContaining("DELIVERY_TABLE");
    }

    private static String quote(String json) throws IOException {
        return new ObjectMapper().writeValueAsString(json);
    }
}
