package com.breachnotice.core.lookup;

import com.breachnotice.core.contact.ContactKey;
import java.time.Instant;
import java.util.List;

/**
 * A one-time-code challenge as stored: the code only as a keyed hash.
 *
 * @param contact the contact's key under the key ring's current version when the challenge started;
 *     its version is also the one the code hash was made with
 * @param attempts verification attempts counted so far, right or wrong (each is counted before the
 *     code is compared, so concurrent guesses cannot exceed the limit)
 * @param earlierKeys the same contact's keys under the ring's earlier versions, newest first: during
 *     a rotation the verified requester's records may still be stored under one of them
 */
public record Challenge(
        String id,
        ContactKey contact,
        String codeHash,
        Instant expiresAt,
        int attempts,
        boolean used,
        List<ContactKey> earlierKeys) {

    public Challenge {
        earlierKeys = List.copyOf(earlierKeys);
    }

    /** A challenge made with a key ring of one version. */
    public Challenge(String id, ContactKey contact, String codeHash, Instant expiresAt, int attempts, boolean used) {
        this(id, contact, codeHash, expiresAt, attempts, used, List.of());
    }

    /** The contact's keys, the current one first: the order in which its records are looked up. */
    public List<ContactKey> contactKeys() {
        return CodeRequest.currentFirst(contact, earlierKeys);
    }

    Challenge withAttempts(int count) {
        return new Challenge(id, contact, codeHash, expiresAt, count, used, earlierKeys);
    }

    Challenge asUsed() {
        return new Challenge(id, contact, codeHash, expiresAt, attempts, true, earlierKeys);
    }
}
