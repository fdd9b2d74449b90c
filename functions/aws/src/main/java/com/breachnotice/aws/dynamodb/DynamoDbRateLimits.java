package com.breachnotice.aws.dynamodb;

import static com.breachnotice.aws.dynamodb.Attributes.n;
import static com.breachnotice.aws.dynamodb.Attributes.s;

import com.breachnotice.core.lookup.RateLimits;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link RateLimits} as counter items in the challenges table, keyed {@code limit#<key>#<window
 * start epoch seconds>}, that expire (TTL on {@code expiresAt}) at the window's end. One
 * conditional {@code ADD} counts and checks the limit atomically. Counter items carry no
 * {@code codeHash}, so the challenge store never mistakes one for a challenge.
 */
public final class DynamoDbRateLimits implements RateLimits {

    static final String PREFIX = "limit#";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbRateLimits(DynamoDbClient dynamoDb, String challengeTable) {
        this.dynamoDb = dynamoDb;
        this.table = challengeTable;
    }

    @Override
    public boolean take(String key, Instant windowStart, Instant windowEnd, int limit) {
        if (limit <= 0) {
            return false;
        }
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(Map.of("challengeId", s(counterId(key, windowStart))))
                    .updateExpression("ADD #n :one SET #e = :end")
                    .conditionExpression("attribute_not_exists(#n) OR #n < :limit")
                    .expressionAttributeNames(Map.of("#n", "count", "#e", "expiresAt"))
                    .expressionAttributeValues(
                            Map.of(":one", n(1), ":end", n(windowEnd.getEpochSecond()), ":limit", n(limit))));
            return true;
        } catch (ConditionalCheckFailedException overLimit) {
            return false;
        }
    }

    static String counterId(String key, Instant windowStart) {
        return PREFIX + key + "#" + windowStart.getEpochSecond();
    }
}
