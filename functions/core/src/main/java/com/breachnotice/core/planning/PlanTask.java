package com.breachnotice.core.planning;

import java.util.Optional;

/**
 * One page of one parallel-scan segment of the contacts, to be planned for a campaign. A segment is
 * planned page by page, each page enqueueing the next, so no invocation runs long however large
 * the registry.
 */
public record PlanTask(String campaignId, int segment, int totalSegments, int page, Optional<String> startKey) {

    public PlanTask {
        if (segment < 0 || segment >= totalSegments || page < 0) {
            throw new IllegalArgumentException("bad plan task coordinates");
        }
    }

    public PlanTask next(String startKey) {
        return new PlanTask(campaignId, segment, totalSegments, page + 1, Optional.of(startKey));
    }
}
