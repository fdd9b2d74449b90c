package com.breachnotice.core.delivery;

import com.breachnotice.core.campaign.Channel;
import java.util.Map;

/**
 * Counts a campaign's deliveries one by one from their records, to check its counters. Slow by
 * design (it reads every delivery of the campaign): never on a progress path, only for a recount.
 */
public interface DeliveryCensus {

    /** Per channel, the deliveries by current status and the failures by reason; planned is 0. */
    Map<Channel, ChannelCounts> count(String campaignId);
}
