package com.breachnotice.core.delivery;

import java.time.Instant;

/** What came of trying to claim a delivery before sending it. */
public sealed interface ClaimOutcome {

    /** Ours to send; settle it with this token. */
    record Claimed(String token) implements ClaimOutcome {}

    /** Already sent or otherwise finished: do not send. */
    record AlreadySettled(DeliveryStatus status) implements ClaimOutcome {}

    /** Another sender holds a live lease: leave it to them, look again after the lease. */
    record HeldElsewhere(Instant leaseUntil) implements ClaimOutcome {}
}
