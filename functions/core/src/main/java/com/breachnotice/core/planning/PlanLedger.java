package com.breachnotice.core.planning;

import com.breachnotice.core.campaign.Channel;
import java.util.Map;

/**
 * Remembers which pages of a campaign's plan are done and how many deliveries each planned, so a
 * redelivered plan task does not plan its page twice and the planned total can be summed.
 */
public interface PlanLedger {

    /** Whether this page's plan was already completed by an earlier attempt. */
    boolean isCompleted(PlanTask task);

    /**
     * Records the page as completed with its planned deliveries per channel; {@code lastOfSegment}
     * when the scan segment has no further page. The campaign's planned counters grow with it, in
     * the same atomic write, so a page planned twice is counted once. Idempotent.
     */
    void complete(PlanTask task, Map<Channel, Long> plannedDeliveries, boolean lastOfSegment);

    /** The campaign's plan summary: one read, whatever the number of pages. */
    PlanProgress progress(String campaignId);
}
