package com.breachnotice.core.planning;

import com.breachnotice.core.delivery.DeliveryCounts;

/** Where a campaign stands: what was planned and what became of it. */
public record CampaignProgress(PlanProgress plan, DeliveryCounts deliveries) {

    /** Planned deliveries not yet in a terminal state (including those not yet claimed). */
    public long pending() {
        return Math.max(0, plan.plannedDeliveries() - deliveries.terminal());
    }

    /** Every planned delivery reached a terminal state and planning itself is finished. */
    public boolean finished() {
        return plan.complete() && pending() == 0;
    }
}
