package com.breachnotice.core.planning;

import com.breachnotice.core.contact.ContactKey;

/**
 * The contacts of a campaign and of the registry, as fingerprints: the first 64 bits of each
 * contact key (an HMAC), so that tens of millions fit in a few hundred megabytes. Two distinct keys
 * share a fingerprint with a probability of about n²/2⁶⁵ (3·10⁻⁵ at 33.7 million): a reconciliation
 * may be off by one in that case, never a send. Full scans: for the operator, never on a send path.
 */
public interface AudienceScan {

    /**
     * The contacts campaign {@code campaignId} planned, on any channel.
     *
     * @param terminalOnly only those whose delivery reached a terminal status
     */
    long[] campaignContacts(String campaignId, boolean terminalOnly);

    /** Every contact in the registry now. */
    long[] registryContacts();

    /** A contact's fingerprint: the first 16 hex digits of its key's HMAC, whatever its version. */
    static long fingerprint(ContactKey contact) {
        return contact.fingerprint();
    }
}
