package com.breachnotice.aws.dynamodb;

import static com.breachnotice.aws.dynamodb.Attributes.n;
import static com.breachnotice.aws.dynamodb.Attributes.number;
import static com.breachnotice.aws.dynamodb.Attributes.s;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.delivery.ChannelCounts;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.JobTally;
import com.breachnotice.core.planning.CampaignCounters;
import com.breachnotice.core.planning.CampaignTally;
import com.breachnotice.core.planning.PlanProgress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link CampaignCounters} on the campaigns table, beside the campaign: per channel {@value #SHARDS}
 * counter items {@code count#<channel>#<shard>} holding {@code planned}, one number per terminal
 * status ({@code sent}, {@code delivered}, {@code failed}, {@code cancelled}, ...) and one per
 * failure reason ({@code reason:<reason>}), plus one {@code plan-summary} item (planned, pages,
 * segments done and total).
 *
 * <p>Writers add to one shard chosen at random, always inside the transaction that makes the change
 * they count (a job's completion, a page's plan, a delivery's status), so a counted change happens
 * once or not at all. Why shards: every completing job of a campaign and channel writes the
 * counters, and concurrent transactions on one item cancel each other ({@code TransactionConflict});
 * sixteen shards make two concurrent completions meet on one item one time in sixteen, and all the
 * shards of both channels with the summary (33 items) still fit one {@code BatchGetItem} (at most
 * 100 keys). The shards share the campaign's partition key, so they do not add partitions: the
 * writes per job (claim, completion) stay about two per 50 notices.
 */
public final class DynamoDbCampaignCounters implements CampaignCounters {

    public static final int SHARDS = 16;
    static final String SHARD_PREFIX = "count#";
    static final String SUMMARY = "plan-summary";
    static final String PLANNED = "planned";
    static final String REASON_PREFIX = "reason:";

    /** Longest reason kept as a counter name (attribute names take 255 bytes). */
    static final int MAX_REASON = 100;

    private final DynamoDbBatches batches;
    private final String campaignTable;

    public DynamoDbCampaignCounters(DynamoDbClient dynamoDb, String campaignTable) {
        this.batches = new DynamoDbBatches(dynamoDb);
        this.campaignTable = campaignTable;
    }

    static String shard(Channel channel, int shard) {
        return SHARD_PREFIX + channel.code() + "#" + shard;
    }

    static int randomShard() {
        return ThreadLocalRandom.current().nextInt(SHARDS);
    }

    /** The counter names and amounts of a job's tally. */
    static Map<String, Long> amounts(JobTally tally) {
        Map<String, Long> amounts = new LinkedHashMap<>();
        tally.byStatus().forEach((status, count) -> amounts.merge(status.code(), (long) count, Long::sum));
        tally.failedByReason().forEach((reason, count) -> amounts.merge(reasonName(reason), (long) count, Long::sum));
        amounts.values().removeIf(amount -> amount == 0);
        return amounts;
    }

    static String reasonName(String reason) {
        return REASON_PREFIX + (reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON));
    }

    /** An ADD of {@code amounts} to a random shard of the channel; empty when there is nothing to add. */
    static Optional<TransactWriteItem> add(
            String table, String campaignId, Channel channel, Map<String, Long> amounts) {
        if (amounts.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> parts = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Long> amount : amounts.entrySet()) {
            names.put("#c" + i, amount.getKey());
            values.put(":c" + i, n(amount.getValue()));
            parts.add("#c" + i + " :c" + i);
            i++;
        }
        return Optional.of(TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(table)
                        .key(Map.of("campaignId", s(campaignId), "entry", s(shard(channel, randomShard()))))
                        .updateExpression("ADD " + String.join(", ", parts))
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .build())
                .build());
    }

    @Override
    public CampaignTally tally(String campaignId) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(key(campaignId, SUMMARY));
        for (Channel channel : Channel.values()) {
            for (int i = 0; i < SHARDS; i++) {
                keys.add(key(campaignId, shard(channel, i)));
            }
        }
        // 33 keys: one BatchGetItem, unprocessed keys asked again by the one batch helper.
        List<Map<String, AttributeValue>> items = batches.get(
                campaignTable,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        return tally(items);
    }

    static CampaignTally tally(List<Map<String, AttributeValue>> items) {
        PlanProgress plan = new PlanProgress(0, 0, 0);
        Map<Channel, ChannelCounts> channels = new EnumMap<>(Channel.class);
        for (Map<String, AttributeValue> item : items) {
            String entry = Attributes.requiredString(item, "entry");
            if (entry.equals(SUMMARY)) {
                plan = DynamoDbPlanLedger.summary(item);
                continue;
            }
            String[] parts = entry.split("#", 3);
            Channel channel = Channel.ofCode(parts[1]);
            channels.merge(channel, counts(item), ChannelCounts::plus);
        }
        return new CampaignTally(plan, channels);
    }

    private static ChannelCounts counts(Map<String, AttributeValue> item) {
        Map<DeliveryStatus, Long> byStatus = new EnumMap<>(DeliveryStatus.class);
        for (DeliveryStatus status : DeliveryStatus.values()) {
            number(item, status.code()).ifPresent(count -> byStatus.put(status, count));
        }
        Map<String, Long> reasons = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(REASON_PREFIX) && value.n() != null) {
                reasons.put(name.substring(REASON_PREFIX.length()), Long.parseLong(value.n()));
            }
        });
        return new ChannelCounts(number(item, PLANNED).orElse(0L), byStatus, reasons);
    }

    private static Map<String, AttributeValue> key(String campaignId, String entry) {
        return Map.of("campaignId", s(campaignId), "entry", s(entry));
    }
}
