package com.breachnotice.core.planning;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.delivery.ChannelCounts;
import com.breachnotice.core.delivery.DeliveryCounts;
import com.breachnotice.core.delivery.DeliveryStatus;
import java.util.EnumMap;
import java.util.Map;

/** A campaign's counters: how far planning is, and per channel what became of the deliveries. */
public record CampaignTally(PlanProgress plan, Map<Channel, ChannelCounts> channels) {

    public CampaignTally {
        channels = Map.copyOf(channels);
    }

    public ChannelCounts channel(Channel channel) {
        return channels.getOrDefault(channel, ChannelCounts.NONE);
    }

    /** Every channel's deliveries by status, summed. */
    public DeliveryCounts deliveries() {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        channels.values().forEach(c -> c.byStatus().forEach((status, n) -> counts.merge(status, n, Long::sum)));
        counts.values().removeIf(n -> n == 0);
        return DeliveryCounts.of(counts);
    }
}
