package com.breachnotice.core.delivery;

import java.util.EnumMap;
import java.util.Map;

/** Deliveries of one campaign by status. */
public record DeliveryCounts(Map<DeliveryStatus, Long> byStatus) {

    public DeliveryCounts {
        byStatus = Map.copyOf(byStatus);
    }

    public static DeliveryCounts of(Map<DeliveryStatus, Long> counts) {
        return new DeliveryCounts(new EnumMap<>(counts));
    }

    public long count(DeliveryStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }

    public long total() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    public long terminal() {
        return byStatus.entrySet().stream()
                .filter(e -> e.getKey().terminal())
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
