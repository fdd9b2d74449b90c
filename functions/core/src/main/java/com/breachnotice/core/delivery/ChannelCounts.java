package com.breachnotice.core.delivery;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One campaign's deliveries on one channel as its counters hold them: how many were planned, how
 * many stand in each terminal status now (an email that was sent and then delivered counts as
 * delivered, no longer as sent), and the failures by reason.
 */
public record ChannelCounts(long planned, Map<DeliveryStatus, Long> byStatus, Map<String, Long> failedByReason) {

    public static final ChannelCounts NONE = new ChannelCounts(0, Map.of(), Map.of());

    public ChannelCounts {
        byStatus = Map.copyOf(byStatus);
        failedByReason = Map.copyOf(failedByReason);
    }

    public long count(DeliveryStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }

    /** Deliveries in a terminal status. */
    public long terminal() {
        return byStatus.entrySet().stream()
                .filter(e -> e.getKey().terminal())
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Planned and not yet terminal (queued, held, being sent). */
    public long pending() {
        return Math.max(0, planned - terminal());
    }

    public ChannelCounts plus(ChannelCounts other) {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        counts.putAll(byStatus);
        other.byStatus.forEach((status, n) -> counts.merge(status, n, Long::sum));
        Map<String, Long> reasons = new LinkedHashMap<>(failedByReason);
        other.failedByReason.forEach((reason, n) -> reasons.merge(reason, n, Long::sum));
        return new ChannelCounts(planned + other.planned, counts, reasons);
    }

    /** The same statuses and reasons, zeros left out (a counter once moved can read zero). */
    public ChannelCounts withoutZeros() {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        byStatus.forEach((status, n) -> {
            if (n != 0) {
                counts.put(status, n);
            }
        });
        Map<String, Long> reasons = new LinkedHashMap<>();
        failedByReason.forEach((reason, n) -> {
            if (n != 0) {
                reasons.put(reason, n);
            }
        });
        return new ChannelCounts(planned, counts, reasons);
    }
}
