package com.breachnotice.aws.dynamodb;

import static com.breachnotice.aws.dynamodb.Attributes.instant;
import static com.breachnotice.aws.dynamodb.Attributes.millis;
import static com.breachnotice.aws.dynamodb.Attributes.requiredString;
import static com.breachnotice.aws.dynamodb.Attributes.s;

import com.breachnotice.core.audit.AuditEntry;
import com.breachnotice.core.audit.AuditLog;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link AuditLog} on the campaigns table, beside the campaign it concerns: {@code campaignId} as
 * the partition, {@code entry = audit#<epoch millis, 13 digits>#<8 random hex>}, so one {@code Query}
 * on {@code begins_with(entry, "audit#")} reads a campaign's trail in time order, and two entries of
 * the same millisecond never overwrite each other (the put is conditioned on a fresh key). No new
 * table: the trail is small (a handful of entries per campaign), read with its campaign, and this
 * table is already point-in-time recovered and deletion-protected.
 */
public final class DynamoDbAuditLog implements AuditLog {

    static final String PREFIX = "audit#";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DynamoDbClient dynamoDb;
    private final String campaignTable;

    public DynamoDbAuditLog(DynamoDbClient dynamoDb, String campaignTable) {
        this.dynamoDb = dynamoDb;
        this.campaignTable = campaignTable;
    }

    @Override
    public void record(AuditEntry entry) {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("campaignId", s(entry.campaignId()));
        item.put(
                "entry",
                s(PREFIX + String.format("%013d", entry.at().toEpochMilli()) + "#"
                        + HexFormat.of().formatHex(random)));
        item.put("at", millis(entry.at()));
        item.put("actor", s(entry.actor()));
        item.put("host", s(entry.host()));
        item.put("action", s(entry.action()));
        if (!entry.details().isEmpty()) {
            Map<String, AttributeValue> details = new HashMap<>();
            entry.details().forEach((k, v) -> details.put(k, s(v)));
            item.put("details", AttributeValue.fromM(details));
        }
        dynamoDb.putItem(b -> b.tableName(campaignTable)
                .item(item)
                .conditionExpression("attribute_not_exists(#e)")
                .expressionAttributeNames(Map.of("#e", "entry")));
    }

    @Override
    public List<AuditEntry> entries(String campaignId) {
        List<AuditEntry> entries = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(campaignTable)
                        .keyConditionExpression("#c = :c AND begins_with(#e, :p)")
                        .expressionAttributeNames(Map.of("#c", "campaignId", "#e", "entry"))
                        .expressionAttributeValues(Map.of(":c", s(campaignId), ":p", s(PREFIX)))
                        .consistentRead(true))
                .items()
                .forEach(item -> entries.add(entry(item)));
        return entries;
    }

    private static AuditEntry entry(Map<String, AttributeValue> item) {
        Map<String, String> details = new HashMap<>();
        AttributeValue stored = item.get("details");
        if (stored != null && stored.hasM()) {
            stored.m().forEach((k, v) -> details.put(k, v.s() == null ? "" : v.s()));
        }
        return new AuditEntry(
                requiredString(item, "campaignId"),
                instant(item, "at").orElse(Instant.EPOCH),
                requiredString(item, "actor"),
                requiredString(item, "host"),
                requiredString(item, "action"),
                details);
    }
}
