package com.breachnotice.core.manifest;

import java.util.EnumMap;
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

    /** The counts of several reads added up (the parts of one file share its header). */
    public static ManifestSummary sum(List<ManifestSummary> parts) {
        long rows = 0;
        long blank = 0;
        long accepted = 0;
        long rejected = 0;
        long merged = 0;
        long droppedEmails = 0;
        long droppedPhones = 0;
        Map<RejectReason, Long> reasons = new EnumMap<>(RejectReason.class);
        List<String> unknown = List.of();
        for (ManifestSummary part : parts) {
            rows += part.rows();
            blank += part.blank();
            accepted += part.accepted();
            rejected += part.rejected();
            merged += part.merged();
            droppedEmails += part.droppedEmails();
            droppedPhones += part.droppedPhones();
            part.reasons().forEach((reason, count) -> reasons.merge(reason, count, Long::sum));
            if (unknown.isEmpty()) {
                unknown = part.unknownColumns();
            }
        }
        return new ManifestSummary(
                rows, blank, accepted, rejected, merged, droppedEmails, droppedPhones, reasons, unknown);
    }
}
