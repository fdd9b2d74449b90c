package com.breachnotice.core.delivery;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one job's deliveries came to when it completed: how many ended in each terminal status, and
 * the failures by reason. It is added to the campaign's counters once, with the job's completion.
 */
public record JobTally(Map<DeliveryStatus, Integer> byStatus, Map<String, Integer> failedByReason) {

    public static final JobTally EMPTY = new JobTally(Map.of(), Map.of());

    /** Failures recorded before reasons were counted (an earlier attempt of a job taken over). */
    public static final String UNKNOWN_REASON = "unknown";

    public JobTally {
        byStatus = Map.copyOf(byStatus);
        failedByReason = Map.copyOf(failedByReason);
        if (byStatus.containsKey(DeliveryStatus.SENDING)) {
            throw new IllegalArgumentException("a job's tally counts terminal statuses only");
        }
    }

    /** Sent and failed (without their reasons), as jobs were counted before statuses were. */
    public static JobTally of(int sent, int failed) {
        Map<DeliveryStatus, Integer> counts = new EnumMap<>(DeliveryStatus.class);
        if (sent > 0) {
            counts.put(DeliveryStatus.SENT, sent);
        }
        if (failed > 0) {
            counts.put(DeliveryStatus.FAILED, failed);
        }
        return new JobTally(counts, failed > 0 ? Map.of(UNKNOWN_REASON, failed) : Map.of());
    }

    /** The records a job wrote, by status, failures by reason. */
    public static JobTally of(List<DeliveryRecord> records) {
        Map<DeliveryStatus, Integer> counts = new EnumMap<>(DeliveryStatus.class);
        Map<String, Integer> reasons = new LinkedHashMap<>();
        for (DeliveryRecord record : records) {
            counts.merge(record.status(), 1, Integer::sum);
            if (record.status() == DeliveryStatus.FAILED) {
                reasons.merge(record.reason().orElse(UNKNOWN_REASON), 1, Integer::sum);
            }
        }
        return new JobTally(counts, reasons);
    }

    public JobTally plus(JobTally other) {
        Map<DeliveryStatus, Integer> counts = new EnumMap<>(DeliveryStatus.class);
        counts.putAll(byStatus);
        other.byStatus.forEach((status, n) -> counts.merge(status, n, Integer::sum));
        Map<String, Integer> reasons = new LinkedHashMap<>(failedByReason);
        other.failedByReason.forEach((reason, n) -> reasons.merge(reason, n, Integer::sum));
        return new JobTally(counts, reasons);
    }

    public int count(DeliveryStatus status) {
        return byStatus.getOrDefault(status, 0);
    }

    /** Deliveries that went to the provider, whatever became of them later. */
    public int sent() {
        return total() - count(DeliveryStatus.FAILED) - count(DeliveryStatus.CANCELLED);
    }

    public int failed() {
        return count(DeliveryStatus.FAILED);
    }

    public int total() {
        return byStatus.values().stream().mapToInt(Integer::intValue).sum();
    }
}
