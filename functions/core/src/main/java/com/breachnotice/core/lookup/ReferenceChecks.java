package com.breachnotice.core.lookup;

import java.time.Instant;

/**
 * Counts, per genuine reference code and day, the distinct source addresses that checked it. A
 * notice's recipient checks their code from one or two places; a code checked from many is being
 * pasted into phishing messages. Keys are keyed hashes, never a code or an address.
 */
public interface ReferenceChecks {

    /**
     * Counts {@code requesterKey} against {@code referenceHash} in {@code [windowStart, windowEnd)}
     * and returns the distinct requesters counted so far, at most {@code cap} (beyond it nothing more is
     * stored). The count may be forgotten after {@code windowEnd}.
     */
    int record(String referenceHash, String requesterKey, Instant windowStart, Instant windowEnd, int cap);
}
