package com.breachnotice.core.delivery;

import java.time.Instant;

/** What came of claiming a notice job before sending it. */
public sealed interface JobClaim {

    /**
     * Ours to send; complete it with this token. A {@code takeover} is a claim of a job that was
     * claimed before (its sender crashed, or gave it back to retry part of it): some of its
     * deliveries may already be recorded, and must not be sent again.
     */
    record Claimed(String token, boolean takeover) implements JobClaim {}

    /** Completed by an earlier attempt: nothing to send. */
    record Done() implements JobClaim {}

    /** Another sender holds a live lease on it: leave it to them, look again after the lease. */
    record HeldElsewhere(Instant leaseUntil) implements JobClaim {}
}
