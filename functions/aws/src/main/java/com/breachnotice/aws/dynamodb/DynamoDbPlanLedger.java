package com.breachnotice.aws.dynamodb;

import static com.breachnotice.aws.dynamodb.Attributes.bool;
import static com.breachnotice.aws.dynamodb.Attributes.n;
import static com.breachnotice.aws.dynamodb.Attributes.number;
import static com.breachnotice.aws.dynamodb.Attributes.s;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.planning.PlanLedger;
import com.breachnotice.core.planning.PlanProgress;
import com.breachnotice.core.planning.PlanTask;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link PlanLedger} on the campaigns table: one item per planned page under {@code entry =
 * "plan#<segment>#<page>"}, holding its planned count, whether it was the last page of its segment,
 * and the total number of segments. The first completion of a page wins (a conditional put), so a
 * redelivered plan task cannot change the count; the same transaction adds the page to the
 * {@code plan-summary} item and the planned counters of each channel ({@link
 * DynamoDbCampaignCounters}), so progress reads one summary instead of a query over the pages
 * (about 34,000 of them for 33.7 million contacts).
 */
public final class DynamoDbPlanLedger implements PlanLedger {

    static final String PREFIX = "plan#";

    private final DynamoDbClient dynamoDb;
    private final String campaignTable;

    public DynamoDbPlanLedger(DynamoDbClient dynamoDb, String campaignTable) {
        this.dynamoDb = dynamoDb;
        this.campaignTable = campaignTable;
    }

    static String entry(PlanTask task) {
        return PREFIX + task.segment() + "#" + task.page();
    }

    @Override
    public boolean isCompleted(PlanTask task) {
        GetItemResponse response = dynamoDb.getItem(b -> b.tableName(campaignTable)
                .key(Map.of("campaignId", s(task.campaignId()), "entry", s(entry(task))))
                .projectionExpression("campaignId")
                .consistentRead(true));
        return response.hasItem() && !response.item().isEmpty();
    }

    @Override
    public void complete(PlanTask task, Map<Channel, Long> plannedDeliveries, boolean lastOfSegment) {
        long planned =
                plannedDeliveries.values().stream().mapToLong(Long::longValue).sum();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(campaignTable)
                        .item(Map.of(
                                "campaignId", s(task.campaignId()),
                                "entry", s(entry(task)),
                                "segment", n(task.segment()),
                                "page", n(task.page()),
                                "planned", n(planned),
                                "lastOfSegment", bool(lastOfSegment),
                                "totalSegments", n(task.totalSegments())))
                        .conditionExpression("attribute_not_exists(#e)")
                        .expressionAttributeNames(Map.of("#e", "entry"))
                        .build())
                .build());
        Map<String, String> names = new HashMap<>(Map.of("#p", "planned", "#pages", "pages", "#t", "totalSegments"));
        Map<String, AttributeValue> values =
                new HashMap<>(Map.of(":p", n(planned), ":one", n(1), ":t", n(task.totalSegments())));
        String add = "ADD #p :p, #pages :one";
        if (lastOfSegment) {
            names.put("#s", "segmentsDone");
            add += ", #s :one";
        }
        items.add(TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(campaignTable)
                        .key(Map.of("campaignId", s(task.campaignId()), "entry", s(DynamoDbCampaignCounters.SUMMARY)))
                        .updateExpression("SET #t = :t " + add)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .build())
                .build());
        plannedDeliveries.forEach((channel, count) -> DynamoDbCampaignCounters.add(
                        campaignTable,
                        task.campaignId(),
                        channel,
                        count == 0 ? Map.of() : Map.of(DynamoDbCampaignCounters.PLANNED, count))
                .ifPresent(items::add));
        // A failed condition is the idempotent case: an earlier attempt recorded (and counted) this page.
        CountedWrite.write(dynamoDb, items);
    }

    /** The plan summary: one consistent read, however many pages the campaign has. */
    @Override
    public PlanProgress progress(String campaignId) {
        GetItemResponse response = dynamoDb.getItem(b -> b.tableName(campaignTable)
                .key(Map.of("campaignId", s(campaignId), "entry", s(DynamoDbCampaignCounters.SUMMARY)))
                .consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? summary(response.item()) : new PlanProgress(0, 0, 0);
    }

    static PlanProgress summary(Map<String, AttributeValue> item) {
        return new PlanProgress(
                number(item, "planned").orElse(0L),
                number(item, "segmentsDone").orElse(0L).intValue(),
                number(item, "totalSegments").orElse(0L).intValue());
    }
}
