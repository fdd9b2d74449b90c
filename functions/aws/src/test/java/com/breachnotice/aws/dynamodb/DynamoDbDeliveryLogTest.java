package com.breachnotice.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.delivery.ClaimOutcome;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryStatus;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Pins the exact conditional requests behind exactly-once: the emulator cannot show a race. */
class DynamoDbDeliveryLogTest {

    private static final Instant NOW = Instant.ofEpochMilli(1_700_000_000_000L);
    private static final Instant LEASE = NOW.plusSeconds(300);
    private static final DeliveryId ID =
            new DeliveryId(TestStacks.emailKey("a@example.com"), "incident-1", Channel.EMAIL);

    private final RecordingDynamoDb dynamoDb = new RecordingDynamoDb();
    private final DynamoDbDeliveryLog log = new DynamoDbDeliveryLog(dynamoDb, "deliveries", () -> "token-1");

    @Test
    void claim_isAPutIfAbsentOrLeaseExpired() {
        assertThat(log.claim(ID, "ref-hash", NOW, LEASE)).isEqualTo(new ClaimOutcome.Claimed("token-1"));

        PutItemRequest put = (PutItemRequest) dynamoDb.requests.get(0);
        assertThat(put.tableName()).isEqualTo("deliveries");
        assertThat(put.conditionExpression())
                .isEqualTo("attribute_not_exists(#contactKey) OR (#status = :sending AND #leaseUntil < :now)");
        assertThat(put.expressionAttributeNames())
                .isEqualTo(Map.of("#contactKey", "contactKey", "#status", "status", "#leaseUntil", "leaseUntil"));
        assertThat(put.expressionAttributeValues())
                .isEqualTo(Map.of(
                        ":sending", AttributeValue.fromS("sending"),
                        ":now", AttributeValue.fromN("1700000000000")));
        assertThat(put.item())
                .containsEntry("contactKey", AttributeValue.fromS(ID.contact().value()))
                .containsEntry("notice", AttributeValue.fromS("incident-1#email"))
                .containsEntry("campaignId", AttributeValue.fromS("incident-1"))
                .containsEntry("channel", AttributeValue.fromS("email"))
                .containsEntry("status", AttributeValue.fromS("sending"))
                .containsEntry("claimToken", AttributeValue.fromS("token-1"))
                .containsEntry("leaseUntil", AttributeValue.fromN("1700000300000"))
                .containsEntry("referenceHash", AttributeValue.fromS("ref-hash"))
                .containsEntry("updatedAt", AttributeValue.fromN("1700000000000"));
    }

    @Test
    void claim_conditionFailed_readsTheItemBack() {
        dynamoDb.writeFailure = ConditionalCheckFailedException.builder().build();
        dynamoDb.items = request -> {
            assertThat(request.consistentRead()).isTrue();
            return Map.of(
                    "status", AttributeValue.fromS("sending"), "leaseUntil", AttributeValue.fromN("1700000100000"));
        };
        assertThat(log.claim(ID, "ref", NOW, LEASE))
                .isEqualTo(new ClaimOutcome.HeldElsewhere(Instant.ofEpochMilli(1_700_000_100_000L)));

        dynamoDb.items = request -> Map.of("status", AttributeValue.fromS("bounced"));
        assertThat(log.claim(ID, "ref", NOW, LEASE)).isEqualTo(new ClaimOutcome.AlreadySettled(DeliveryStatus.BOUNCED));
    }

    @Test
    void release_deletesOnlyOurLiveClaim() {
        log.release(ID, "token-1");

        DeleteItemRequest delete = (DeleteItemRequest) dynamoDb.requests.get(0);
        assertThat(delete.conditionExpression()).isEqualTo("#claimToken = :token AND #status = :sending");
        assertThat(delete.expressionAttributeValues()).containsEntry(":token", AttributeValue.fromS("token-1"));
    }

    @Test
    void advance_isConditionedOnEveryLowerRank() {
        UpdateItemRequest delivered = log.advanceRequest(ID, DeliveryStatus.DELIVERED, null, NOW, true)
                .orElseThrow();
        assertThat(delivered.conditionExpression())
                .isEqualTo("attribute_exists(#contactKey) AND #status IN (:fromsending, :fromsent)"
                        + " AND (attribute_not_exists(#history) OR size(#history) < :historyLimit)");
        assertThat(delivered.updateExpression())
                .contains("#history = list_append(if_not_exists(#history, :noHistory), :change)");

        UpdateItemRequest bounced = log.advanceRequest(ID, DeliveryStatus.BOUNCED, "Permanent", NOW, false)
                .orElseThrow();
        assertThat(bounced.updateExpression()).doesNotContain("list_append").contains("#historyCut");
        assertThat(bounced.conditionExpression())
                .isEqualTo("attribute_exists(#contactKey) AND #status IN"
                        + " (:fromsending, :fromsent, :fromdelivered, :fromfailed, :fromsuppressed)");
        assertThat(bounced.expressionAttributeValues()).containsEntry(":reason", AttributeValue.fromS("Permanent"));

        assertThat(log.advanceRequest(ID, DeliveryStatus.SENDING, null, NOW, true))
                .isEmpty();
        assertThat(log.advance(ID, DeliveryStatus.SENDING, null, NOW)).isFalse();
        assertThat(dynamoDb.requests).isEmpty();
    }
}
