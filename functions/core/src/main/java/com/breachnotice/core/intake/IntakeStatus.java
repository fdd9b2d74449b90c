package com.breachnotice.core.intake;

import java.util.Optional;

/** What the ledger knows of one upload. Counts are present once it is finished. */
public record IntakeStatus(
        String manifestId,
        State state,
        long rows,
        long accepted,
        long rejected,
        long blank,
        Optional<String> rejectsKey,
        Optional<String> error) {

    public enum State {
        LOADING,
        LOADED,
        REFUSED
    }
}
