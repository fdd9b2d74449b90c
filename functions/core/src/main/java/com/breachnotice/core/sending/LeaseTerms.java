package com.breachnotice.core.sending;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a claim holds a job (or a text), and how much of it one provider call may need. A holder
 * starts a provider call only while its lease outlasts the call's deadline (the SDK's API call
 * timeout plus a margin for the clock and the record written after it): a call that started later
 * could still be under way when the lease runs out and another sender takes the job over, and
 * both would send.
 *
 * @param length how long a claim holds
 * @param callDeadline the longest a provider call can take, margin included
 */
public record LeaseTerms(Duration length, Duration callDeadline) {

    public LeaseTerms {
        if (length.isNegative() || length.isZero() || callDeadline.isNegative()) {
            throw new IllegalArgumentException("a lease is positive and a call deadline not negative");
        }
        if (callDeadline.compareTo(length) >= 0) {
            throw new IllegalArgumentException("the call deadline must be shorter than the lease");
        }
    }

    /** When a lease taken at {@code now} runs out. */
    public Instant until(Instant now) {
        return now.plus(length);
    }

    /**
     * Whether a turn is near enough to wait for: within a third of the lease. A turn further ahead
     * (more instances and batches than the rate needs) would keep the holder waiting past its
     * function's timeout; the job goes back instead and the turn is left unused, never exceeded.
     */
    public boolean worthWaitingFor(Instant turn, Instant now) {
        return !turn.isAfter(latestTurn(now));
    }

    /** The latest turn worth waiting for at {@code now}. */
    public Instant latestTurn(Instant now) {
        return now.plus(length.dividedBy(3));
    }

    /** Whether a holder of a lease running until {@code leaseUntil} may start a provider call now. */
    public boolean allowsCall(Instant leaseUntil, Instant now) {
        return now.plus(callDeadline).isBefore(leaseUntil);
    }
}
