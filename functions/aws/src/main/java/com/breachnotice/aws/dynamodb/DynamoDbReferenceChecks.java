package com.breachnotice.aws.dynamodb;

import static com.breachnotice.aws.dynamodb.Attributes.n;
import static com.breachnotice.aws.dynamodb.Attributes.s;

import com.breachnotice.core.lookup.ReferenceChecks;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link ReferenceChecks} in the challenge table, beside the rate-limit counters: one item per
 * reference hash and day holding the set of requester keys, grown by one conditional
 * {@code UpdateItem} that refuses to grow it beyond the cap, and forgotten by TTL.
 */
public final class DynamoDbReferenceChecks implements ReferenceChecks {

    static final String PREFIX = "refcheck#";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbReferenceChecks(DynamoDbClient dynamoDb, String challengeTable) {
        this.dynamoDb = dynamoDb;
        this.table = challengeTable;
    }

    @Override
    public int record(String referenceHash, String requesterKey, Instant windowStart, Instant windowEnd, int cap) {
        Map<String, AttributeValue> key =
                Map.of("challengeId", s(PREFIX + referenceHash + "#" + windowStart.getEpochSecond()));
        try {
            Map<String, AttributeValue> after = dynamoDb.updateItem(b -> b.tableName(table)
                            .key(key)
                            .updateExpression("ADD #r :r SET #e = :end")
                            .conditionExpression("attribute_not_exists(#r) OR size(#r) < :cap OR contains(#r, :k)")
                            .expressionAttributeNames(Map.of("#r", "requesters", "#e", "expiresAt"))
                            .expressionAttributeValues(Map.of(
                                    ":r", AttributeValue.fromSs(List.of(requesterKey)),
                                    ":k", s(requesterKey),
                                    ":end", n(windowEnd.getEpochSecond()),
                                    ":cap", n(cap)))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
            AttributeValue requesters = after.get("requesters");
            return requesters == null ? 1 : requesters.ss().size();
        } catch (ConditionalCheckFailedException full) {
            // At the cap: the set stays as it is, and the answer is the cap.
            return cap;
        }
    }
}
