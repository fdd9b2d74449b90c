package com.breachnotice.core.manifest;

import java.util.List;
import java.util.Map;

/**
 * Counts of one manifest read. {@code rows} counts non-blank data records; {@code accepted +
 * rejected == rows}; a row merged into an earlier one of the same customer counts as accepted and in
 * {@code merged}.
 */
public record ManifestSummary(
        long rows,
        long blank,
        long accepted,
        long rejected,
        long merged,
        long droppedEmails,
        long droppedPhones,
        Map<RejectReason, Long> reasons,
        List<String> unknownColumns) {

    public ManifestSummary {
        reasons = Map.copyOf(reasons);
        unknownColumns = List.copyOf(unknownColumns);
    }

    public long subjects() {
        return accepted - merged;
    }
}
