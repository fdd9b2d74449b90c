package com.breachnotice.core.intake;

import java.util.List;

/**
 * Where intake stores subjects and contacts. Writes merge (unions of items and owners), so loading
 * the same rows twice changes nothing and a second manifest adds to the same subjects.
 *
 * <p>Ranges of one manifest are loaded in any order and concurrently, so the rule "a later row of a
 * customer with different contacts is refused" is kept here: each subject remembers, per manifest,
 * the line of the row that defined it (see {@link SubjectMerge}), and the lower line wins.
 */
public interface SubjectRegistry {

    /**
     * Registers one chunk of accepted rows of one range of {@code manifestId}, in line order.
     * {@code previous} is the {@link Registered#unconfirmed} of the range's previous chunk
     * ({@link Unconfirmed#NONE} for its first): a registry keeps no state between calls.
     */
    Registered register(String manifestId, List<Registration> rows, Unconfirmed previous);

    /**
     * Called once after the last chunk of a range (or when the range fails) with that chunk's
     * {@link Registered#unconfirmed}: finishes the work the registry deferred (the DynamoDB one
     * verifies its last blind writes here) and reports what that decided.
     */
    default Registered settle(String manifestId, Unconfirmed last) {
        return Registered.NOTHING;
    }
}
