package com.breachnotice.local;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns an S3 event notification (the JSON S3 sends to a queue) into the {@link S3Event} S3 passes to a
 * Lambda function. Object keys stay URL-encoded as S3 sends them; handlers decode them with
 * {@code getUrlDecodedKey()}, as on AWS.
 */
final class S3Events {

    private static final ObjectMapper JSON = new ObjectMapper();

    private S3Events() {}

    /**
     * @return the event, or empty for the {@code s3:TestEvent} S3 sends when a notification is configured
     * @throws IllegalArgumentException when the body is not an S3 notification
     */
    static Optional<S3Event> fromNotification(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an S3 notification: not JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not an S3 notification: not a JSON object");
        }
        if ("s3:TestEvent".equals(text(root, "Event"))) {
            return Optional.empty();
        }
        JsonNode recordNodes = root.get("Records");
        if (recordNodes == null || !recordNodes.isArray()) {
            throw new IllegalArgumentException("not an S3 notification: no Records");
        }
        List<S3EventNotification.S3EventNotificationRecord> records = new ArrayList<>();
        for (JsonNode record : recordNodes) {
            records.add(record(record));
        }
        return Optional.of(new S3Event(records));
    }

    private static S3EventNotification.S3EventNotificationRecord record(JsonNode record) {
        JsonNode s3 = child(record, "s3");
        JsonNode bucket = child(s3, "bucket");
        JsonNode object = child(s3, "object");
        JsonNode size = object.get("size");
        return new S3EventNotification.S3EventNotificationRecord(
                text(record, "awsRegion"),
                text(record, "eventName"),
                text(record, "eventSource"),
                text(record, "eventTime"),
                text(record, "eventVersion"),
                new S3EventNotification.RequestParametersEntity(
                        text(child(record, "requestParameters"), "sourceIPAddress")),
                new S3EventNotification.ResponseElementsEntity(
                        text(child(record, "responseElements"), "x-amz-id-2"),
                        text(child(record, "responseElements"), "x-amz-request-id")),
                new S3EventNotification.S3Entity(
                        text(s3, "configurationId"),
                        new S3EventNotification.S3BucketEntity(
                                text(bucket, "name"),
                                new S3EventNotification.UserIdentityEntity(
                                        text(child(bucket, "ownerIdentity"), "principalId")),
                                text(bucket, "arn")),
                        new S3EventNotification.S3ObjectEntity(
                                text(object, "key"),
                                size == null || size.isNull() ? null : size.asLong(),
                                text(object, "eTag"),
                                text(object, "versionId"),
                                text(object, "sequencer")),
                        text(s3, "s3SchemaVersion")),
                new S3EventNotification.UserIdentityEntity(text(child(record, "userIdentity"), "principalId")));
    }

    private static JsonNode child(JsonNode node, String field) {
        JsonNode child = node.get(field);
        return child == null ? JSON.createObjectNode() : child;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
