package com.breachnotice.core.planning;

/** How far a campaign's planning is: deliveries planned so far, segments finished out of all. */
public record PlanProgress(long plannedDeliveries, int segmentsDone, int totalSegments) {

    public boolean complete() {
        return totalSegments > 0 && segmentsDone >= totalSegments;
    }
}
