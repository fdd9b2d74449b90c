package com.breachnotice.core.metrics;

import java.util.ArrayList;
import java.util.List;

/** {@link Metrics} that keeps every count, with the same guard on values the EMF adapter applies. */
public final class RecordingMetrics implements Metrics {

    /** One count as published. */
    public record Count(String metric, String dimension, String value) {}

    private final List<Count> counts = new ArrayList<>();

    @Override
    public synchronized void count(String metric, String dimension, String value) {
        counts.add(new Count(metric, dimension, Metrics.safeValue(value)));
    }

    public synchronized List<Count> counts() {
        return List.copyOf(counts);
    }

    /** How often {@code metric} was counted with {@code value}. */
    public synchronized long count(String metric, String value) {
        return counts.stream()
                .filter(c -> c.metric().equals(metric) && c.value().equals(value))
                .count();
    }
}
