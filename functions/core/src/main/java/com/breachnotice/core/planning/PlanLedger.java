package com.breachnotice.core.planning;

/**
 * Remembers which pages of a campaign's plan are done and how many deliveries each planned, so a
 * redelivered plan task does not plan its page twice and the planned total can be summed.
 */
public interface PlanLedger {

    /** Whether this page's plan was already completed by an earlier attempt. */
    boolean isCompleted(PlanTask task);

    /**
     * Records the page as completed with its planned deliveries; {@code lastOfSegment} when the scan
     * segment has no further page. Idempotent.
     */
    void complete(PlanTask task, long plannedDeliveries, boolean lastOfSegment);

    PlanProgress progress(String campaignId);
}
