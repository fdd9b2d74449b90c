package com.breachnotice.core.testing;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.delivery.ChannelCounts;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.JobTally;
import com.breachnotice.core.planning.CampaignCounters;
import com.breachnotice.core.planning.CampaignTally;
import com.breachnotice.core.planning.PlanProgress;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link CampaignCounters} in memory, written by the in-memory ledgers and log that share it, each in
 * the same lock as the change it counts (as the adapters write them in the change's transaction).
 */
public final class InMemoryCampaignCounters implements CampaignCounters {

    private record Key(String campaignId, Channel channel) {}

    private final Map<Key, ChannelCounts> channels = new HashMap<>();
    private final Map<String, PlanProgress> plans = new HashMap<>();

    @Override
    public synchronized CampaignTally tally(String campaignId) {
        Map<Channel, ChannelCounts> counts = new EnumMap<>(Channel.class);
        channels.forEach((key, c) -> {
            if (key.campaignId().equals(campaignId)) {
                counts.put(key.channel(), c);
            }
        });
        return new CampaignTally(plans.getOrDefault(campaignId, new PlanProgress(0, 0, 0)), counts);
    }

    synchronized void planned(String campaignId, Map<Channel, Long> planned, boolean lastOfSegment, int totalSegments) {
        PlanProgress was = plans.getOrDefault(campaignId, new PlanProgress(0, 0, 0));
        long sum = planned.values().stream().mapToLong(Long::longValue).sum();
        plans.put(
                campaignId,
                new PlanProgress(
                        was.plannedDeliveries() + sum, was.segmentsDone() + (lastOfSegment ? 1 : 0), totalSegments));
        planned.forEach((channel, n) -> add(campaignId, channel, new ChannelCounts(n, Map.of(), Map.of())));
    }

    synchronized void completed(String campaignId, Channel channel, JobTally tally) {
        Map<DeliveryStatus, Long> byStatus = new EnumMap<>(DeliveryStatus.class);
        tally.byStatus().forEach((status, n) -> byStatus.put(status, (long) n));
        Map<String, Long> reasons = new HashMap<>();
        tally.failedByReason().forEach((reason, n) -> reasons.put(reason, (long) n));
        add(campaignId, channel, new ChannelCounts(0, byStatus, reasons));
    }

    synchronized void moved(String campaignId, Channel channel, DeliveryStatus from, DeliveryStatus to, String reason) {
        Map<DeliveryStatus, Long> byStatus = new EnumMap<>(DeliveryStatus.class);
        byStatus.put(from, -1L);
        byStatus.merge(to, 1L, Long::sum);
        add(
                campaignId,
                channel,
                new ChannelCounts(0, byStatus, to == DeliveryStatus.FAILED ? Map.of(reason, 1L) : Map.of()));
    }

    private void add(String campaignId, Channel channel, ChannelCounts more) {
        channels.merge(new Key(campaignId, channel), more, ChannelCounts::plus);
    }
}
