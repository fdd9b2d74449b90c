package com.breachnotice.core.lookup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The global budget of one-time codes per clock hour, which protects the SMS spend and the sending
 * reputation. It is spent when a challenge starts, by every well-formed request alike, so whether it
 * is spent says nothing about any contact; a requester refused by it is told so (busy, come back at
 * the next hour) instead of being left waiting for a code that will never come.
 *
 * <p>The count is spread over {@code shards} counters, each with an equal share, so that a crowd (or
 * a flood of refused requests) does not pile every conditional write onto one storage item. The
 * cost is that the budget reads as spent when the shard a request lands on is full, up to
 * {@code shards - 1} codes early.
 */
public final class CodeBudget {

    static final String KEY = "code-budget";

    private final RateLimits limits;
    private final Clock clock;
    private final int perHour;
    private final int shards;
    private final int perShard;
    private final AtomicInteger next = new AtomicInteger();

    public CodeBudget(RateLimits limits, Clock clock, int perHour, int shards) {
        if (perHour < 1 || shards < 1 || shards > perHour) {
            throw new IllegalArgumentException("the code budget needs 1 <= shards <= codes per hour");
        }
        this.limits = limits;
        this.clock = clock;
        this.perHour = perHour;
        this.shards = shards;
        this.perShard = perHour / shards;
    }

    /** Takes one code from the budget; empty when taken, else when the next hour's budget opens. */
    public Optional<Instant> take() {
        Instant now = clock.instant();
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        Instant nextHour = hour.plus(Duration.ofHours(1));
        int shard = Math.floorMod(next.getAndIncrement(), shards);
        if (limits.take(KEY + "#" + shard, hour, nextHour, perShard)) {
            return Optional.empty();
        }
        return Optional.of(nextHour);
    }

    /** The codes one hour allows (for the 80 % alarm's threshold and the docs). */
    public int perHour() {
        return perHour;
    }
}
