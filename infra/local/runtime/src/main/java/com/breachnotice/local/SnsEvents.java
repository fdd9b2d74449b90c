package com.breachnotice.local;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.jspecify.annotations.Nullable;

/**
 * Turns the JSON envelope SNS delivers to an SQS subscriber ({@code RawMessageDelivery=false}) into the
 * {@link SNSEvent} SNS passes to a subscribed Lambda function: one record per event.
 */
final class SnsEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SnsEvents() {}

    /**
     * @param envelope the SQS message body: SNS's notification JSON
     * @param subscriptionArn the subscription the record reports as {@code EventSubscriptionArn}
     * @throws IllegalArgumentException when the body is not an SNS notification
     */
    static SNSEvent fromEnvelope(String envelope, String subscriptionArn) {
        JsonNode root;
        try {
            root = JSON.readTree(envelope);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an SNS notification: not JSON", e);
        }
        if (root == null || !root.isObject() || !"Notification".equals(text(root, "Type"))) {
            throw new IllegalArgumentException("not an SNS notification: Type is not Notification");
        }
        SNSEvent.SNS sns = new SNSEvent.SNS()
                .withType(text(root, "Type"))
                .withMessageId(text(root, "MessageId"))
                .withTopicArn(text(root, "TopicArn"))
                .withSubject(text(root, "Subject"))
                .withMessage(text(root, "Message"))
                .withSignatureVersion(text(root, "SignatureVersion"))
                .withSignature(text(root, "Signature"))
                .withSigningCertUrl(text(root, "SigningCertURL"))
                .withUnsubscribeUrl(text(root, "UnsubscribeURL"))
                .withMessageAttributes(attributes(root.get("MessageAttributes")));
        String timestamp = text(root, "Timestamp");
        if (timestamp != null) {
            sns.setTimestamp(new DateTime(Instant.parse(timestamp).toEpochMilli(), DateTimeZone.UTC));
        }
        SNSEvent.SNSRecord record = new SNSEvent.SNSRecord()
                .withEventSource("aws:sns")
                .withEventVersion("1.0")
                .withEventSubscriptionArn(subscriptionArn)
                .withSns(sns);
        return new SNSEvent().withRecords(List.of(record));
    }

    private static Map<String, SNSEvent.MessageAttribute> attributes(@Nullable JsonNode node) {
        Map<String, SNSEvent.MessageAttribute> attributes = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                attributes.put(
                        entry.getKey(),
                        new SNSEvent.MessageAttribute()
                                .withType(text(entry.getValue(), "Type"))
                                .withValue(text(entry.getValue(), "Value")));
            }
        }
        return attributes;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
