package com.breachnotice.core.lookup;

import com.breachnotice.core.contact.ContactKey;
import java.time.Instant;
import java.util.Optional;

/** Challenges of the lookup. Expiry is checked by the service, never left to storage TTL. */
public interface ChallengeStore {

    /** Stores a new challenge; ids are random, so an existing id is a failure, never a replacement. */
    void create(Challenge challenge);

    Optional<Challenge> find(String challengeId);

    /**
     * Counts one verification attempt atomically, before the code is compared, and returns the
     * attempts after counting. A challenge that no longer exists counts as exhausted
     * ({@link Integer#MAX_VALUE}): the answer fails closed.
     */
    int recordAttempt(String challengeId);

    /** Marks the challenge used; false when it already was (codes are single use). */
    boolean markUsed(String challengeId);

    /**
     * Counts one new challenge against the contact's quota for the fixed window
     * {@code [windowStart, windowEnd)}, atomically. Returns false, counting nothing, when {@code limit}
     * challenges were already counted for this contact in this window. The count may be forgotten
     * after {@code windowEnd} (a storage TTL).
     */
    boolean reserveStart(ContactKey contact, Instant windowStart, Instant windowEnd, int limit);
}
