package com.breachnotice.core.contact;

/**
 * What a key derived from the pepper is for. Each purpose has its own key (HKDF label), so a hash
 * made for one purpose never matches, and never helps to reverse, a hash made for another.
 */
public enum KeyPurpose {
    /** Contact keys: the stored name of a contact in the registry, the deliveries and the challenges. */
    CONTACT_KEY("contact-key"),
    /** Hashes of one-time codes kept in a challenge. */
    CODE_HASH("code-hash"),
    /** Hashes of requesters' source addresses, for rate-limit counters. */
    REQUESTER_KEY("requester-key"),
    /** Hashes of notice reference codes, the deliveries' index for the genuineness check. */
    REFERENCE_HASH("reference-hash"),
    /** The secret bits from which a delivery's printed reference code is made. */
    REFERENCE_SEED("reference-seed"),
    /** AES-GCM keys that seal one-time codes in the code queue. */
    CODE_SEAL("code-seal");

    private final String label;

    KeyPurpose(String label) {
        this.label = label;
    }

    /** The HKDF info string for this purpose at {@code version}. */
    String info(int version) {
        return "breach-notice/" + label + "/v" + version;
    }
}
