package com.breachnotice.core.lookup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Watches one kind of outcome across the lookup (code verifications, or code requests) over a
 * sliding window, and turns the edge's challenge on ({@link EdgeChallengeSwitch}) when the share of
 * failures passes a threshold. A distributed guessing wave spreads over so many addresses that no
 * per-address limit sees it, but it shows in the ratio: people type their own code right almost
 * always, a guesser almost never.
 *
 * <p>The window is a ring of buckets (the ratio moves in steps of one bucket). Below {@link
 * Settings#minimumVolume} outcomes in the window the ratio says nothing and nothing trips. Once
 * tripped, the switch is asked again at most once per {@link Settings#reaskAfter}, while the ratio
 * stays high, so a switch turned off by hand too early comes back on.
 *
 * <p>Each instance counts what it serves. Requests are spread over the instances, so each one sees a
 * sample of the whole traffic, and the ratio of a sample is the ratio of the whole: a shared counter
 * would cost a write on every request for the same answer. Thread-safe.
 */
public final class FailureRatioBreaker {

    /**
     * @param window how far back outcomes count
     * @param buckets how many steps the window moves in
     * @param minimumVolume outcomes the window must hold before its ratio counts
     * @param threshold the share of failures (0..1, exclusive of 0) that trips the breaker
     * @param reaskAfter how long after asking the switch it is asked again while the ratio stays high
     */
    public record Settings(Duration window, int buckets, int minimumVolume, double threshold, Duration reaskAfter) {

        public Settings {
            if (window.isNegative() || window.isZero() || buckets < 1 || window.toMillis() < buckets) {
                throw new IllegalArgumentException("a window needs at least one bucket of at least 1 ms");
            }
            if (minimumVolume < 1) {
                throw new IllegalArgumentException("minimumVolume must be at least 1");
            }
            if (!(threshold > 0 && threshold <= 1)) {
                throw new IllegalArgumentException("threshold must be within (0, 1]");
            }
            if (reaskAfter.isNegative()) {
                throw new IllegalArgumentException("reaskAfter must not be negative");
            }
        }

        /**
         * Verifications: people mistype now and then (a ratio of wrong codes around 10-20 % is normal
         * on notice day); a guessing wave fails almost every time. 5 minutes in 30 steps, at least 200
         * checks, 60 % wrong.
         */
        public static final Settings VERIFICATIONS =
                new Settings(Duration.ofMinutes(5), 30, 200, 0.6, Duration.ofMinutes(5));

        /**
         * Code requests: refused by the per-contact daily limit. A crowd rarely reaches it; a script
         * bombing a list of victims' inboxes does, contact after contact. 5 minutes, at least 200
         * requests, half refused.
         */
        public static final Settings CODE_REQUESTS =
                new Settings(Duration.ofMinutes(5), 30, 200, 0.5, Duration.ofMinutes(5));
    }

    private final String name;
    private final Settings settings;
    private final EdgeChallengeSwitch edge;
    private final Clock clock;
    private final long bucketMillis;
    private final long[] bucketIndex;
    private final int[] totals;
    private final int[] failures;
    private Instant lastAsked = Instant.MIN;

    /** @param name what the breaker watches, a code ({@code verification}); the reason given to the switch */
    public FailureRatioBreaker(String name, Settings settings, EdgeChallengeSwitch edge, Clock clock) {
        this.name = name;
        this.settings = settings;
        this.edge = edge;
        this.clock = clock;
        this.bucketMillis = settings.window().toMillis() / settings.buckets();
        this.bucketIndex = new long[settings.buckets()];
        java.util.Arrays.fill(bucketIndex, Long.MIN_VALUE);
        this.totals = new int[settings.buckets()];
        this.failures = new int[settings.buckets()];
    }

    /** Counts one outcome; may turn the edge's challenge on. */
    public void record(boolean failed) {
        Instant now = clock.instant();
        boolean ask;
        synchronized (this) {
            long index = Math.floorDiv(now.toEpochMilli(), bucketMillis);
            int slot = (int) Math.floorMod(index, (long) settings.buckets());
            if (bucketIndex[slot] != index) {
                bucketIndex[slot] = index;
                totals[slot] = 0;
                failures[slot] = 0;
            }
            totals[slot]++;
            if (failed) {
                failures[slot]++;
            }
            ask = tripped(index) && !now.isBefore(lastAsked.plus(settings.reaskAfter()));
            if (ask) {
                lastAsked = now;
            }
        }
        if (ask) {
            // Outside the lock: the switch may make a network call.
            edge.turnOn(name);
        }
    }

    /** The share of failures in the window now, or 0 below the minimum volume (for tests and logs). */
    public synchronized double ratio() {
        long index = Math.floorDiv(clock.instant().toEpochMilli(), bucketMillis);
        long[] sums = sums(index);
        return sums[0] < settings.minimumVolume() ? 0 : (double) sums[1] / sums[0];
    }

    private boolean tripped(long index) {
        long[] sums = sums(index);
        return sums[0] >= settings.minimumVolume() && sums[1] >= settings.threshold() * sums[0];
    }

    /** Outcomes and failures of the buckets still inside the window ending in bucket {@code index}. */
    private long[] sums(long index) {
        long total = 0;
        long failed = 0;
        for (int slot = 0; slot < settings.buckets(); slot++) {
            if (bucketIndex[slot] != Long.MIN_VALUE && index - bucketIndex[slot] < settings.buckets()) {
                total += totals[slot];
                failed += failures[slot];
            }
        }
        return new long[] {total, failed};
    }
}
