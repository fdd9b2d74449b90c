package com.breachnotice.aws.dynamodb;

import static com.breachnotice.aws.dynamodb.Attributes.flag;
import static com.breachnotice.aws.dynamodb.Attributes.instant;
import static com.breachnotice.aws.dynamodb.Attributes.millis;
import static com.breachnotice.aws.dynamodb.Attributes.n;
import static com.breachnotice.aws.dynamodb.Attributes.number;
import static com.breachnotice.aws.dynamodb.Attributes.s;
import static com.breachnotice.aws.dynamodb.Attributes.string;

import com.breachnotice.core.delivery.DeliveryCounts;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.JobClaim;
import com.breachnotice.core.delivery.JobKey;
import com.breachnotice.core.delivery.JobLedger;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * {@link JobLedger} on the campaigns table: one item per notice job beside its campaign, under
 * {@code entry = "job#<channel>#<jobId>"}, with {@code done} (BOOL), {@code size}, {@code sent},
 * {@code failed}, and while open {@code claimToken} and {@code leaseUntil} (epoch ms).
 *
 * <ul>
 *   <li>{@code claim} is one conditional update (absent, or open with an expired lease) that returns
 *       the old item (a takeover when there was one) and, when the condition fails, the item that
 *       failed it (done, or held until when), so no claim needs a second read.
 *   <li>{@code complete} and {@code release} are conditioned on the claim token.
 *   <li>{@code count} is a query of the campaign's {@code job#} entries: one item per 50
 *       deliveries, in the campaign's own partition, instead of a scan of every delivery.
 * </ul>
 *
 * All writes of a campaign's jobs go to one partition key: two per 50 notices, so about 400 writes
 * per second at 10,000 emails per second, within the 1,000 a partition takes.
 */
public final class DynamoDbJobLedger implements JobLedger {

    static final String PREFIX = "job#";

    private final DynamoDbClient dynamoDb;
    private final String campaignTable;
    private final Supplier<String> tokens;

    public DynamoDbJobLedger(DynamoDbClient dynamoDb, String campaignTable) {
        this(dynamoDb, campaignTable, () -> UUID.randomUUID().toString());
    }

    DynamoDbJobLedger(DynamoDbClient dynamoDb, String campaignTable, Supplier<String> tokens) {
        this.dynamoDb = dynamoDb;
        this.campaignTable = campaignTable;
        this.tokens = tokens;
    }

    @Override
    public JobClaim claim(JobKey job, int deliveries, Instant now, Instant leaseUntil) {
        String token = tokens.get();
        try {
            UpdateItemResponse response = dynamoDb.updateItem(claimRequest(job, token, deliveries, now, leaseUntil));
            boolean takeover =
                    response.hasAttributes() && !response.attributes().isEmpty();
            return new JobClaim.Claimed(token, takeover);
        } catch (ConditionalCheckFailedException taken) {
            Map<String, AttributeValue> item = taken.hasItem() ? taken.item() : Map.of();
            if (flag(item, "done")) {
                return new JobClaim.Done();
            }
            if (heldBy(item, token)) {
                // Our own claim: the SDK retried a write whose answer was lost, and the retry met
                // the first attempt's lease. Whether that attempt took the job over is unknown, so
                // it counts as a takeover: what is recorded already is read before any send.
                return new JobClaim.Claimed(token, true);
            }
            return new JobClaim.HeldElsewhere(instant(item, "leaseUntil").orElse(leaseUntil));
        }
    }

    UpdateItemRequest claimRequest(JobKey job, String token, int deliveries, Instant now, Instant leaseUntil) {
        Expression e = new Expression();
        e.set("done", AttributeValue.fromBool(false));
        e.set("claimToken", s(token));
        e.set("leaseUntil", millis(leaseUntil));
        e.set("size", n(deliveries));
        e.set("updatedAt", millis(now));
        String condition = "attribute_not_exists(" + e.name("entry") + ") OR (" + e.name("done") + " = "
                + e.value("open", AttributeValue.fromBool(false)) + " AND " + e.name("leaseUntil") + " < "
                + e.value("now", millis(now)) + ")";
        return update(job, e, condition).toBuilder()
                .returnValues(ReturnValue.ALL_OLD)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    @Override
    public boolean complete(JobKey job, String token, int sent, int failed, Instant at) {
        try {
            dynamoDb.updateItem(completeRequest(job, token, sent, failed, at));
            return true;
        } catch (ConditionalCheckFailedException lost) {
            // Done under our own token: an SDK retry of a completion whose answer was lost.
            Map<String, AttributeValue> item = lost.hasItem() ? lost.item() : Map.of();
            return flag(item, "done") && heldBy(item, token);
        }
    }

    private static boolean heldBy(Map<String, AttributeValue> item, String token) {
        return string(item, "claimToken").filter(token::equals).isPresent();
    }

    /** The condition of every write by a claim's holder: the job is still open under its token. */
    private static String openUnder(Expression e, String token) {
        return e.name("claimToken") + " = " + e.value("token", s(token)) + " AND " + e.name("done") + " = "
                + e.value("open", AttributeValue.fromBool(false));
    }

    UpdateItemRequest completeRequest(JobKey job, String token, int sent, int failed, Instant at) {
        Expression e = new Expression();
        e.set("done", AttributeValue.fromBool(true));
        e.set("sent", n(sent));
        e.set("failed", n(failed));
        e.set("updatedAt", millis(at));
        e.remove("leaseUntil");
        String condition = openUnder(e, token);
        return update(job, e, condition).toBuilder()
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    @Override
    public void release(JobKey job, String token) {
        Expression e = new Expression();
        e.set("leaseUntil", n(0));
        String condition = openUnder(e, token);
        try {
            dynamoDb.updateItem(update(job, e, condition));
        } catch (ConditionalCheckFailedException notOurs) {
            // Completed, or taken over after our lease: nothing of ours to give back.
        }
    }

    @Override
    public void recordDone(JobKey job, int sent, int failed, Instant at) {
        Expression e = new Expression();
        e.set("done", AttributeValue.fromBool(true));
        e.set("size", n(sent + failed));
        e.set("sent", n(sent));
        e.set("failed", n(failed));
        e.set("updatedAt", millis(at));
        try {
            dynamoDb.updateItem(update(job, e, "attribute_not_exists(" + e.name("entry") + ")"));
        } catch (ConditionalCheckFailedException recorded) {
            // Idempotent: the first record of this job stands.
        }
    }

    @Override
    public DeliveryCounts count(String campaignId) {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        dynamoDb.queryPaginator(b -> b.tableName(campaignTable)
                        .keyConditionExpression("campaignId = :c AND begins_with(#e, :p)")
                        .projectionExpression("#d, #size, #sent, #failed")
                        .expressionAttributeNames(Map.of(
                                "#e", "entry", "#d", "done", "#size", "size", "#sent", "sent", "#failed", "failed"))
                        .expressionAttributeValues(Map.of(":c", s(campaignId), ":p", s(PREFIX)))
                        .consistentRead(true))
                .items()
                .forEach(item -> {
                    if (flag(item, "done")) {
                        counts.merge(DeliveryStatus.SENT, number(item, "sent").orElse(0L), Long::sum);
                        counts.merge(
                                DeliveryStatus.FAILED, number(item, "failed").orElse(0L), Long::sum);
                    } else {
                        counts.merge(
                                DeliveryStatus.SENDING, number(item, "size").orElse(0L), Long::sum);
                    }
                });
        counts.values().removeIf(count -> count == 0);
        return DeliveryCounts.of(counts);
    }

    private UpdateItemRequest update(JobKey job, Expression e, String condition) {
        return UpdateItemRequest.builder()
                .tableName(campaignTable)
                .key(Map.of("campaignId", s(job.campaignId()), "entry", s(job.entry())))
                .updateExpression(e.update())
                .conditionExpression(condition)
                .expressionAttributeNames(e.names())
                .expressionAttributeValues(e.values())
                .build();
    }
}
