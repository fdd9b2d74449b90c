package com.breachnotice.core.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The live description, read again at most once per {@code ttl}: a correction reaches every
 * function within that time without a redeploy, and a crowd on the page costs one read per
 * instance and period. A failed read keeps serving the last description read.
 */
public final class CachedIncident {

    private final IncidentStore store;
    private final Clock clock;
    private final Duration ttl;
    private Optional<IncidentDescription> last = Optional.empty();
    private Instant readAt = Instant.MIN;

    public CachedIncident(IncidentStore store, Clock clock, Duration ttl) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
    }

    public synchronized Optional<IncidentDescription> current() {
        Instant now = clock.instant();
        if (readAt.equals(Instant.MIN) || !now.isBefore(readAt.plus(ttl))) {
            try {
                last = store.current();
                readAt = now;
            } catch (RuntimeException e) {
                if (last.isEmpty()) {
                    throw e;
                }
                // Keep the last one read; try again after the next period.
                readAt = now;
            }
        }
        return last;
    }
}
