package com.breachnotice.core.planning;

import com.breachnotice.core.campaign.CampaignLifecycle;
import com.breachnotice.core.campaign.CampaignState;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.delivery.ChannelCounts;
import com.breachnotice.core.delivery.DeliveryCounts;
import java.util.Map;

/**
 * Where a campaign stands: its lifecycle, what was planned and what became of it, per channel and in
 * all.
 */
public record CampaignProgress(
        PlanProgress plan,
        DeliveryCounts deliveries,
        Map<Channel, ChannelCounts> channels,
        CampaignLifecycle lifecycle) {

    public CampaignProgress {
        channels = Map.copyOf(channels);
    }

    /** Progress without per-channel counters or lifecycle (an active campaign). */
    public CampaignProgress(PlanProgress plan, DeliveryCounts deliveries) {
        this(plan, deliveries, Map.of(), CampaignLifecycle.NEW);
    }

    public CampaignState state() {
        return lifecycle.state();
    }

    public ChannelCounts channel(Channel channel) {
        return channels.getOrDefault(channel, ChannelCounts.NONE);
    }

    /** Planned deliveries not yet in a terminal state (including those not yet claimed). */
    public long pending() {
        return Math.max(0, plan.plannedDeliveries() - deliveries.terminal());
    }

    /** Every planned delivery reached a terminal state and planning itself is finished. */
    public boolean finished() {
        return plan.complete() && pending() == 0;
    }
}
