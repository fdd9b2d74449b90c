package com.breachnotice.core.lookup;

import java.time.Instant;

/**
 * Fixed-window counters behind the lookup's rate limits (per source address) and the sender's
 * hourly budget of codes. Keys are opaque to the store: callers pass keyed hashes, never an
 * address or a contact.
 */
public interface RateLimits {

    /**
     * Counts one event under {@code key} in the window {@code [windowStart, windowEnd)}, atomically.
     * Returns false, counting nothing, when {@code limit} events were already counted there. The
     * count may be forgotten after {@code windowEnd} (a storage TTL).
     */
    boolean take(String key, Instant windowStart, Instant windowEnd, int limit);
}
