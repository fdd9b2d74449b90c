package com.breachnotice.core.delivery;

import java.time.Instant;

/**
 * Claims of single deliveries, made just before a send that the job's claim alone cannot keep to
 * one (a text: one phone can be in two SMS jobs). A claim is a conditional write carrying a lease,
 * so concurrent senders never both send, and a sender that crashed mid-send leaves a lease that
 * runs out and is claimed again. The claim is overwritten by the delivery's record
 * ({@link DeliveryRecorder#record}).
 */
public interface DeliveryClaims {

    /**
     * Claims a delivery: succeeds when it does not exist yet or its lease has run out ({@code now} is
     * past it) while still {@code SENDING}. The claim stores the reference-code hash of this attempt.
     */
    ClaimOutcome claim(DeliveryId id, String referenceHash, Instant now, Instant leaseUntil);

    /**
     * Gives a claimed delivery back without a send (for example when the provider throttled us), so
     * that a retry can claim it at once instead of waiting for the lease. Nothing happens when the
     * claim is no longer ours (recorded, or claimed by another sender after our lease).
     */
    void release(DeliveryId id, String claimToken);
}
