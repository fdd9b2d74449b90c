package com.breachnotice.core.lookup;

import com.breachnotice.core.contact.ContactKey;
import java.time.Instant;

/**
 * A one-time-code challenge as stored: the code only as a keyed hash.
 *
 * @param attempts verification attempts counted so far, right or wrong (each is counted before the
 *     code is compared, so concurrent guesses cannot exceed the limit)
 */
public record Challenge(
        String id, ContactKey contact, String codeHash, Instant expiresAt, int attempts, boolean used) {}
