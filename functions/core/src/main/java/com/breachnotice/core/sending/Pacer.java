package com.breachnotice.core.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Waits for a send's turn in the schedule. Tests replace it to run at once. */
@FunctionalInterface
public interface Pacer {

    void waitUntil(Instant turn) throws InterruptedException;

    /** Sleeps the calling (virtual) thread until {@code turn} on {@code clock}. */
    static Pacer sleeping(Clock clock) {
        return turn -> {
            Duration wait = Duration.between(clock.instant(), turn);
            if (!wait.isNegative() && !wait.isZero()) {
                Thread.sleep(wait);
            }
        };
    }
}
