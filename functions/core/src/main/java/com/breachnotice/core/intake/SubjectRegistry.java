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

    /** Registers one chunk of accepted rows of one range of {@code manifestId}, in line order. */
    Registered register(String manifestId, List<Registration> rows);

    /**
     * Called once after the last chunk of a range: finishes any work a registry deferred (the
     * DynamoDB one verifies its last blind writes here) and reports what that decided.
     */
    default Registered settle(String manifestId) {
        return Registered.NOTHING;
    }
}
