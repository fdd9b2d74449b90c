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
import com.breachnotice.core.delivery.JobTally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
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
 *   <li>{@code complete} and {@code release} are conditioned on the claim token; {@code complete}
 *       adds the job's tally to the campaign's counters ({@link DynamoDbCampaignCounters}) in the same
 *       transaction, so a job is counted exactly when it is done.
 *   <li>{@code count} is a query of the campaign's {@code job#} entries (one item per 50
 *       deliveries): for checks; progress reads the counters.
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
    public boolean complete(JobKey job, String token, JobTally tally, Instant at) {
        UpdateItemRequest request = completeRequest(job, token, tally.sent(), tally.failed(), at);
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(asUpdate(request)).build());
        DynamoDbCampaignCounters.add(
                        campaignTable, job.campaignId(), job.channel(), DynamoDbCampaignCounters.amounts(tally))
                .ifPresent(items::add);
        return switch (CountedWrite.write(dynamoDb, items)) {
            case CountedWrite.Outcome.Written w -> true;
            case CountedWrite.Outcome.ConditionFailed lost -> {
                // Done under our own token: a retry of a completion whose answer was lost.
                Map<String, AttributeValue> item = lost.item().orElseGet(() -> read(job));
                yield flag(item, "done") && heldBy(item, token);
            }
        };
    }

    private Map<String, AttributeValue> read(JobKey job) {
        var response = dynamoDb.getItem(b -> b.tableName(campaignTable)
                .key(Map.of("campaignId", s(job.campaignId()), "entry", s(job.entry())))
                .consistentRead(true));
        return response.hasItem() ? response.item() : Map.of();
    }

    /** The transaction form of a single-item update, condition and placeholders unchanged. */
    static Update asUpdate(UpdateItemRequest request) {
        return Update.builder()
                .tableName(request.tableName())
                .key(request.key())
                .updateExpression(request.updateExpression())
                .conditionExpression(request.conditionExpression())
                .expressionAttributeNames(request.expressionAttributeNames())
                .expressionAttributeValues(request.expressionAttributeValues())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
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
    public void recordDone(JobKey job, JobTally tally, Instant at) {
        Expression e = new Expression();
        e.set("done", AttributeValue.fromBool(true));
        e.set("size", n(tally.total()));
        e.set("sent", n(tally.sent()));
        e.set("failed", n(tally.failed()));
        e.set("updatedAt", millis(at));
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder()
                .update(asUpdate(update(job, e, "attribute_not_exists(" + e.name("entry") + ")")))
                .build());
        DynamoDbCampaignCounters.add(
                        campaignTable, job.campaignId(), job.channel(), DynamoDbCampaignCounters.amounts(tally))
                .ifPresent(items::add);
        // A condition failure is the idempotent case: the first record of this job stands, counted once.
        CountedWrite.write(dynamoDb, items);
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
