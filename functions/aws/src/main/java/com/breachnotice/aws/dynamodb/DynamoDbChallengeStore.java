package com.breachnotice.aws.dynamodb;

import static com.breachnotice.aws.dynamodb.Attributes.bool;
import static com.breachnotice.aws.dynamodb.Attributes.flag;
import static com.breachnotice.aws.dynamodb.Attributes.n;
import static com.breachnotice.aws.dynamodb.Attributes.number;
import static com.breachnotice.aws.dynamodb.Attributes.requiredNumber;
import static com.breachnotice.aws.dynamodb.Attributes.requiredString;
import static com.breachnotice.aws.dynamodb.Attributes.s;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.lookup.Challenge;
import com.breachnotice.core.lookup.ChallengeStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * {@link ChallengeStore} on the challenges table. {@code expiresAt} is stored in epoch seconds, the
 * unit of the table's TTL attribute, so storage removes old challenges some time after expiry; the
 * service still checks expiry itself (TTL is late, and never happens on the emulator). The code is
 * stored only as its hash; attempts are counted atomically. The per-contact start quota lives in
 * the same table under {@code quota#} ids (see {@link #reserveStart}); {@code find} never returns one.
 */
public final class DynamoDbChallengeStore implements ChallengeStore {

    static final String QUOTA_PREFIX = "quota#";
    static final String EARLIER_KEYS = "earlierContactKeys";

    private final DynamoDbClient dynamoDb;
    private final String challengeTable;

    public DynamoDbChallengeStore(DynamoDbClient dynamoDb, String challengeTable) {
        this.dynamoDb = dynamoDb;
        this.challengeTable = challengeTable;
    }

    @Override
    public void create(Challenge challenge) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of(
                "challengeId", s(challenge.id()),
                "contactKey", s(challenge.contact().value()),
                "codeHash", s(challenge.codeHash()),
                "expiresAt", n(challenge.expiresAt().getEpochSecond()),
                "attempts", n(challenge.attempts()),
                "used", bool(challenge.used())));
        if (!challenge.earlierKeys().isEmpty()) {
            // During a key rotation only: the contact's keys under the ring's earlier versions, in order.
            item.put(
                    EARLIER_KEYS,
                    AttributeValue.fromL(challenge.earlierKeys().stream()
                            .map(k -> s(k.value()))
                            .toList()));
        }
        dynamoDb.putItem(b -> b.tableName(challengeTable)
                .item(item)
                // Ids are random; a collision must fail loudly rather than replace someone's challenge.
                .conditionExpression("attribute_not_exists(challengeId)"));
    }

    @Override
    public Optional<Challenge> find(String challengeId) {
        GetItemResponse response = dynamoDb.getItem(
                b -> b.tableName(challengeTable).key(key(challengeId)).consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        if (!item.containsKey("codeHash")) {
            return Optional.empty(); // a quota counter, not a challenge (ids come from requesters)
        }
        return Optional.of(new Challenge(
                requiredString(item, "challengeId"),
                new ContactKey(requiredString(item, "contactKey")),
                requiredString(item, "codeHash"),
                Instant.ofEpochSecond(requiredNumber(item, "expiresAt")),
                number(item, "attempts").orElse(0L).intValue(),
                flag(item, "used"),
                earlierKeys(item)));
    }

    private static List<ContactKey> earlierKeys(Map<String, AttributeValue> item) {
        AttributeValue earlier = item.get(EARLIER_KEYS);
        if (earlier == null || !earlier.hasL()) {
            return List.of();
        }
        return earlier.l().stream().map(v -> new ContactKey(v.s())).toList();
    }

    /**
     * Counts an attempt atomically. A challenge that vanished meanwhile (TTL) counts as exhausted:
     * the answer fails closed, it never reopens attempts.
     */
    @Override
    public int recordAttempt(String challengeId) {
        try {
            UpdateItemResponse response = dynamoDb.updateItem(b -> b.tableName(challengeTable)
                    .key(key(challengeId))
                    .updateExpression("ADD #a :one")
                    // Without the condition, ADD would create a new item for an unknown id.
                    .conditionExpression("attribute_exists(codeHash)")
                    .expressionAttributeNames(Map.of("#a", "attempts"))
                    .expressionAttributeValues(Map.of(":one", n(1)))
                    .returnValues(ReturnValue.UPDATED_NEW));
            return (int) requiredNumber(response.attributes(), "attempts");
        } catch (ConditionalCheckFailedException gone) {
            return Integer.MAX_VALUE;
        }
    }

    @Override
    public boolean markUsed(String challengeId) {
        try {
            dynamoDb.updateItem(b -> b.tableName(challengeTable)
                    .key(key(challengeId))
                    .updateExpression("SET #u = :true")
                    .conditionExpression("#u = :false")
                    .expressionAttributeNames(Map.of("#u", "used"))
                    .expressionAttributeValues(Map.of(":true", bool(true), ":false", bool(false))));
            return true;
        } catch (ConditionalCheckFailedException alreadyUsedOrGone) {
            return false;
        }
    }

    /**
     * One counter item per contact and window in the same table, keyed {@code
     * quota#<contactKey>#<windowStart epoch seconds>}, that expires (TTL) at the window's end. The
     * conditional {@code ADD} counts and checks the limit in one atomic write.
     */
    @Override
    public boolean reserveStart(ContactKey contact, Instant windowStart, Instant windowEnd, int limit) {
        if (limit <= 0) {
            return false;
        }
        try {
            dynamoDb.updateItem(b -> b.tableName(challengeTable)
                    .key(key(quotaId(contact, windowStart)))
                    .updateExpression("ADD #n :one SET #e = :end")
                    .conditionExpression("attribute_not_exists(#n) OR #n < :limit")
                    .expressionAttributeNames(Map.of("#n", "starts", "#e", "expiresAt"))
                    .expressionAttributeValues(
                            Map.of(":one", n(1), ":end", n(windowEnd.getEpochSecond()), ":limit", n(limit))));
            return true;
        } catch (ConditionalCheckFailedException overQuota) {
            return false;
        }
    }

    static String quotaId(ContactKey contact, Instant windowStart) {
        return QUOTA_PREFIX + contact.value() + "#" + windowStart.getEpochSecond();
    }

    private static Map<String, AttributeValue> key(String challengeId) {
        return Map.of("challengeId", s(challengeId));
    }
}
