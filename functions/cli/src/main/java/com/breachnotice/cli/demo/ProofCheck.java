package com.breachnotice.cli.demo;

import com.breachnotice.emulator.RecordedEmail;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The proof of notice checked end to end on one delivery: the message hash its record stores
 * against the SHA-256 of the email the provider (the SES emulator) actually accepted under the
 * record's provider message id, rebuilt as docs/architecture.md names the bytes (subject, text part,
 * HTML part, joined by NUL). Equal hashes mean the record proves what the person received.
 */
public record ProofCheck(
        String campaign, String notice, String version, List<String> items, String stored, String recomputed) {

    public boolean equal() {
        return stored.equals(recomputed);
    }

    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("campaign", campaign);
        json.put("notice", notice);
        json.put("version", version);
        json.put("items", items);
        json.put("stored_sha256", stored);
        json.put("recomputed_sha256", recomputed);
        json.put("equal", equal());
        return json;
    }

    /** The first email delivery of {@code campaignId} that keeps its proof and whose email the emulator holds. */
    static Optional<ProofCheck> firstEmail(
            DynamoDbClient dynamoDb, String deliveryTable, String campaignId, List<RecordedEmail> accepted) {
        Map<String, RecordedEmail> byId = new LinkedHashMap<>();
        accepted.forEach(email -> byId.put(email.messageId(), email));
        return dynamoDb
                .scanPaginator(b -> b.tableName(deliveryTable)
                        .filterExpression("campaignId = :c AND channel = :e AND attribute_exists(messageHash)")
                        .expressionAttributeValues(
                                Map.of(":c", AttributeValue.fromS(campaignId), ":e", AttributeValue.fromS("email"))))
                .items()
                .stream()
                .flatMap(item ->
                        text(item, "providerMessageId")
                                .map(byId::get)
                                .map(email -> check(campaignId, item, email))
                                .stream())
                .findFirst();
    }

    private static ProofCheck check(String campaignId, Map<String, AttributeValue> item, RecordedEmail email) {
        String message = email.subject() + "\u0000" + nullToEmpty(email.text()) + "\u0000" + nullToEmpty(email.html());
        return new ProofCheck(
                campaignId,
                required(item, "noticeName"),
                required(item, "noticeVersion"),
                List.of(required(item, "items").split(",")),
                required(item, "messageHash"),
                sha256Hex(message));
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? Optional.empty() : Optional.ofNullable(value.s());
    }

    private static String required(Map<String, AttributeValue> item, String name) {
        return text(item, name).orElseThrow(() -> new IllegalStateException("a delivery record without " + name));
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String sha256Hex(String message) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
