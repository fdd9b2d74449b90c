package com.breachnotice.core.lookup;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** {@link RateLimits} in memory, atomic under one lock like the conditional write it stands for. */
public final class InMemoryRateLimits implements RateLimits {

    private final Map<String, Integer> counts = new HashMap<>();

    @Override
    public synchronized boolean take(String key, Instant windowStart, Instant windowEnd, int limit) {
        String counter = key + "#" + windowStart.getEpochSecond();
        int used = counts.getOrDefault(counter, 0);
        if (used >= limit) {
            return false;
        }
        counts.put(counter, used + 1);
        return true;
    }

    /** Counters kept so far, one per key and window. */
    public synchronized int counters() {
        return counts.size();
    }
}
