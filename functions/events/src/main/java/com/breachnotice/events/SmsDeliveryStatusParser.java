package com.breachnotice.events;

import com.breachnotice.core.events.SmsDeliveryReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a CloudWatch Logs subscription delivery ({@code awslogs.data}: base64 of gzip of a JSON
 * object with {@code messageType} and {@code logEvents}) from the SNS SMS delivery-status log groups
 * ({@code sns/<region>/<account>/DirectPublishToPhoneNumber} and {@code .../Failure}). Each log
 * event's message is SNS's JSON: {@code notification.messageId}, {@code status} ({@code SUCCESS} or
 * {@code FAILURE}), {@code delivery.providerResponse}. {@code delivery.destination} (the phone number)
 * is never read. CloudWatch's {@code CONTROL_MESSAGE} (sent when a subscription is created) has no
 * reports.
 */
final class SmsDeliveryStatusParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** SNS writes {@code notification.timestamp} as {@code 2016-06-28 00:40:34.558}, UTC. */
    private static final DateTimeFormatter SNS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");
    /** awslogs payloads are at most about 1 MB compressed; a bomb stops here. */
    private static final int MAX_INFLATED = 16 << 20;

    private SmsDeliveryStatusParser() {}

    /** What a subscription delivery carries; an unreadable message is left out and counted. */
    record Parsed(List<SmsDeliveryReport> reports, int unreadable) {}

    static Parsed parse(String awslogsData) throws IOException {
        JsonNode batch = JSON.readTree(inflate(Base64.getDecoder().decode(awslogsData)));
        List<SmsDeliveryReport> reports = new ArrayList<>();
        int unreadable = 0;
        if (!"DATA_MESSAGE".equals(batch.path("messageType").asText())) {
            return new Parsed(reports, 0);
        }
        for (JsonNode event : batch.path("logEvents")) {
            try {
                JsonNode message = JSON.readTree(event.path("message").asText());
                String messageId =
                        message.path("notification").path("messageId").asText("");
                String status = message.path("status").asText("");
                if (messageId.isEmpty() || !(status.equals("SUCCESS") || status.equals("FAILURE"))) {
                    unreadable++;
                    continue;
                }
                reports.add(new SmsDeliveryReport(
                        messageId,
                        status.equals("SUCCESS"),
                        message.path("delivery").path("providerResponse").asText(""),
                        time(message, event)));
            } catch (IOException e) {
                unreadable++;
            }
        }
        return new Parsed(reports, unreadable);
    }

    private static Instant time(JsonNode message, JsonNode event) {
        String stamp = message.path("notification").path("timestamp").asText("");
        try {
            return LocalDateTime.parse(stamp, SNS_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return Instant.ofEpochMilli(event.path("timestamp").asLong());
        }
    }

    private static byte[] inflate(byte[] gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            byte[] inflated = in.readNBytes(MAX_INFLATED + 1);
            if (inflated.length > MAX_INFLATED) {
                throw new IOException("awslogs payload inflates beyond " + MAX_INFLATED + " bytes");
            }
            return inflated;
        }
    }
}
