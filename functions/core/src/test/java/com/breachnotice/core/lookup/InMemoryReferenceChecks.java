package com.breachnotice.core.lookup;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** {@link ReferenceChecks} in memory: one set of requester keys per reference and window. */
public final class InMemoryReferenceChecks implements ReferenceChecks {

    private final Map<String, Set<String>> requesters = new HashMap<>();

    @Override
    public synchronized int record(
            String referenceHash, String requesterKey, Instant windowStart, Instant windowEnd, int cap) {
        Set<String> seen =
                requesters.computeIfAbsent(referenceHash + "#" + windowStart.getEpochSecond(), k -> new HashSet<>());
        if (seen.size() < cap) {
            seen.add(requesterKey);
        }
        return seen.size();
    }
}
