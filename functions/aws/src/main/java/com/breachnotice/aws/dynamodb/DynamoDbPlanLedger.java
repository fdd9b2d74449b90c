package com.breachnotice.aws.dynamodb;

import static com.breachnotice.aws.dynamodb.Attributes.bool;
import static com.breachnotice.aws.dynamodb.Attributes.flag;
import static com.breachnotice.aws.dynamodb.Attributes.n;
import static com.breachnotice.aws.dynamodb.Attributes.number;
import static com.breachnotice.aws.dynamodb.Attributes.s;

import com.breachnotice.core.planning.PlanLedger;
import com.breachnotice.core.planning.PlanProgress;
import com.breachnotice.core.planning.PlanTask;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * {@link PlanLedger} on the campaigns table: one item per planned page under {@code entry =
 * "plan#<segment>#<page>"}, holding its planned count, whether it was the last page of its segment,
 * and the total number of segments. The first completion of a page wins (a conditional put), so a
 * redelivered plan task cannot change the count. Progress is a query over the campaign's plan
 * entries; at one item per thousand contacts that is about 34,000 small items for 33.7 million.
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
    public void complete(PlanTask task, long plannedDeliveries, boolean lastOfSegment) {
        try {
            dynamoDb.putItem(b -> b.tableName(campaignTable)
                    .item(Map.of(
                            "campaignId", s(task.campaignId()),
                            "entry", s(entry(task)),
                            "segment", n(task.segment()),
                            "page", n(task.page()),
                            "planned", n(plannedDeliveries),
                            "lastOfSegment", bool(lastOfSegment),
                            "totalSegments", n(task.totalSegments())))
                    .conditionExpression("attribute_not_exists(#e)")
                    .expressionAttributeNames(Map.of("#e", "entry")));
        } catch (ConditionalCheckFailedException alreadyCompleted) {
            // Idempotent: an earlier attempt recorded this page, and its numbers stand.
        }
    }

    @Override
    public PlanProgress progress(String campaignId) {
        long planned = 0;
        int totalSegments = 0;
        Set<Long> segmentsDone = new HashSet<>();
        var pages = dynamoDb.queryPaginator(b -> b.tableName(campaignTable)
                .keyConditionExpression("campaignId = :c AND begins_with(#e, :p)")
                .expressionAttributeNames(Map.of("#e", "entry"))
                .expressionAttributeValues(Map.of(":c", s(campaignId), ":p", s(PREFIX)))
                .consistentRead(true));
        for (Map<String, AttributeValue> item : pages.items()) {
            planned += number(item, "planned").orElse(0L);
            totalSegments = Math.max(
                    totalSegments, number(item, "totalSegments").orElse(0L).intValue());
            if (flag(item, "lastOfSegment")) {
                segmentsDone.add(number(item, "segment").orElse(-1L));
            }
        }
        return new PlanProgress(planned, segmentsDone.size(), totalSegments);
    }
}
