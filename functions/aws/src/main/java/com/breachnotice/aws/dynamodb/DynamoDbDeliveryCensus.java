package com.breachnotice.aws.dynamodb;

import static com.breachnotice.aws.dynamodb.Attributes.s;
import static com.breachnotice.aws.dynamodb.Attributes.string;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.delivery.ChannelCounts;
import com.breachnotice.core.delivery.DeliveryCensus;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.JobTally;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link DeliveryCensus} by a parallel scan of the deliveries table, filtered to one campaign: the
 * table is keyed by contact, so nothing narrower finds one campaign's deliveries. It reads the whole
 * table (every campaign's deliveries), which is why only {@code campaign recount} uses it.
 */
public final class DynamoDbDeliveryCensus implements DeliveryCensus {

    /** Scan segments read side by side. */
    static final int SEGMENTS = 4;

    private final DynamoDbClient dynamoDb;
    private final String deliveryTable;

    public DynamoDbDeliveryCensus(DynamoDbClient dynamoDb, String deliveryTable) {
        this.dynamoDb = dynamoDb;
        this.deliveryTable = deliveryTable;
    }

    @Override
    public Map<Channel, ChannelCounts> count(String campaignId) {
        List<Map<Channel, ChannelCounts>> parts = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Map<Channel, ChannelCounts>>> segments = new ArrayList<>();
            for (int segment = 0; segment < SEGMENTS; segment++) {
                int current = segment;
                segments.add(threads.submit(() -> countSegment(campaignId, current)));
            }
            for (Future<Map<Channel, ChannelCounts>> segment : segments) {
                parts.add(segment.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("recount interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("recount failed: " + e.getCause(), e.getCause());
        }
        Map<Channel, ChannelCounts> total = new EnumMap<>(Channel.class);
        parts.forEach(part -> part.forEach((channel, counts) -> total.merge(channel, counts, ChannelCounts::plus)));
        return total;
    }

    private Map<Channel, ChannelCounts> countSegment(String campaignId, int segment) {
        Map<Channel, Map<DeliveryStatus, Long>> statuses = new EnumMap<>(Channel.class);
        Map<Channel, Map<String, Long>> reasons = new EnumMap<>(Channel.class);
        dynamoDb.scanPaginator(b -> b.tableName(deliveryTable)
                        .segment(segment)
                        .totalSegments(SEGMENTS)
                        .filterExpression("#c = :c")
                        .projectionExpression("#ch, #st, #r")
                        .expressionAttributeNames(
                                Map.of("#c", "campaignId", "#ch", "channel", "#st", "status", "#r", "reason"))
                        .expressionAttributeValues(Map.of(":c", s(campaignId)))
                        .consistentRead(true))
                .items()
                .forEach(item -> count(item, statuses, reasons));
        Map<Channel, ChannelCounts> counts = new EnumMap<>(Channel.class);
        statuses.forEach((channel, byStatus) ->
                counts.put(channel, new ChannelCounts(0, byStatus, reasons.getOrDefault(channel, Map.of()))));
        return counts;
    }

    private static void count(
            Map<String, AttributeValue> item,
            Map<Channel, Map<DeliveryStatus, Long>> statuses,
            Map<Channel, Map<String, Long>> reasons) {
        Channel channel = Channel.ofCode(Attributes.requiredString(item, "channel"));
        DeliveryStatus status = DeliveryStatus.ofCode(Attributes.requiredString(item, "status"));
        statuses.computeIfAbsent(channel, c -> new EnumMap<>(DeliveryStatus.class))
                .merge(status, 1L, Long::sum);
        if (status == DeliveryStatus.FAILED) {
            String reason = string(item, "reason").orElse(JobTally.UNKNOWN_REASON);
            String counted = DynamoDbCampaignCounters.reasonName(reason)
                    .substring(DynamoDbCampaignCounters.REASON_PREFIX.length());
            reasons.computeIfAbsent(channel, c -> new LinkedHashMap<>()).merge(counted, 1L, Long::sum);
        }
    }
}
