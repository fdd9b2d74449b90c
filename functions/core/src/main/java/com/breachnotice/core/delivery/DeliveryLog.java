package com.breachnotice.core.delivery;

import com.breachnotice.core.contact.ContactKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The proof of notice: one record per delivery. Every send is covered by a claim made before it, a
 * conditional write carrying a lease, so SQS redelivery, retries and concurrent senders never send
 * twice, and a sender that crashed mid-send leaves a lease that expires and is claimed again.
 */
public interface DeliveryLog {

    /**
     * Claims a delivery: succeeds when it does not exist yet or its lease has run out ({@code now} is
     * past it) while still {@code SENDING}. The claim stores the reference-code hash of this attempt.
     */
    ClaimOutcome claim(DeliveryId id, String referenceHash, Instant now, Instant leaseUntil);

    /**
     * Records the result of a claimed send. Only the holder of {@code claimToken} can settle; returns
     * false (and changes nothing) when the claim was lost to another sender meanwhile.
     */
    boolean settle(
            DeliveryId id,
            String claimToken,
            DeliveryStatus status,
            @Nullable String providerMessageId,
            @Nullable String reason,
            Instant at);

    /**
     * Gives a claimed delivery back without a send (for example when the provider throttled us), so
     * that a retry can claim it at once instead of waiting for the lease.
     */
    void release(DeliveryId id, String claimToken);

    /**
     * Records, once, that a delivery could not be attempted at all (for example a person whose only
     * contact is a landline): {@code FAILED} with the reason, so that nobody of a campaign is left
     * without a terminal record. False when the delivery already exists (nothing is changed).
     */
    boolean recordUnreachable(DeliveryId id, String reason, Instant at);

    /** Moves a delivery's status forward from a provider event; false when it would not advance. */
    boolean advance(DeliveryId id, DeliveryStatus status, @Nullable String reason, Instant at);

    Optional<Delivery> find(DeliveryId id);

    /** Every notice sent to one contact, newest campaign last. */
    List<Delivery> forContact(ContactKey contact);

    Optional<Delivery> findByReferenceHash(String referenceHash);

    DeliveryCounts count(String campaignId);
}
