package com.breachnotice.core.intake;

import com.breachnotice.core.manifest.ManifestSummary;
import com.breachnotice.core.manifest.RejectReason;
import com.breachnotice.core.manifest.Rejection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one range of a manifest came to: its reader's counts, and the facts the registry found
 * across ranges ({@link Registered}): for customers merged across ranges, their defining lines; the
 * lines refused as {@code conflicting_contact} after their reader had accepted them, and which of
 * those the reader had counted as merged ({@code refusedRepeats}).
 */
public record RangeOutcome(
        ManifestSummary read, Map<String, Set<Long>> mergedLines, List<Rejection> refused, Set<Long> refusedRepeats) {

    public RangeOutcome {
        Map<String, Set<Long>> copy = new HashMap<>();
        mergedLines.forEach((customer, lines) -> copy.put(customer, Set.copyOf(lines)));
        mergedLines = Map.copyOf(copy);
        refused = List.copyOf(refused);
        refusedRepeats = Set.copyOf(refusedRepeats);
    }

    /**
     * The manifest's counts from all its ranges: the readers' counts, plus one merge per line beyond
     * the first of every customer merged across ranges, and one refusal per refused line, each fact
     * counted once however many ranges reported it.
     */
    public static ManifestSummary total(List<RangeOutcome> ranges) {
        ManifestSummary read =
                ManifestSummary.sum(ranges.stream().map(RangeOutcome::read).toList());
        Map<String, Set<Long>> mergedLines = new HashMap<>();
        Set<Long> refused = new HashSet<>();
        Set<Long> refusedRepeats = new HashSet<>();
        for (RangeOutcome range : ranges) {
            range.mergedLines()
                    .forEach((customer, lines) -> mergedLines
                            .computeIfAbsent(customer, c -> new HashSet<>())
                            .addAll(lines));
            range.refused().forEach(rejection -> refused.add(rejection.line()));
            refusedRepeats.addAll(range.refusedRepeats());
        }
        long merged = read.merged();
        for (Set<Long> lines : mergedLines.values()) {
            merged += lines.size() - 1;
        }
        Map<RejectReason, Long> reasons = new EnumMap<>(RejectReason.class);
        reasons.putAll(read.reasons());
        if (!refused.isEmpty()) {
            reasons.merge(RejectReason.CONFLICTING_CONTACT, (long) refused.size(), Long::sum);
        }
        return new ManifestSummary(
                read.rows(),
                read.blank(),
                read.accepted() - refused.size(),
                read.rejected() + refused.size(),
                merged - refusedRepeats.size(),
                read.droppedEmails(),
                read.droppedPhones(),
                reasons,
                read.unknownColumns());
    }
}
