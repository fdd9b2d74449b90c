package com.breachnotice.core.intake;

import java.util.List;

/**
 * One accepted manifest row, keyed and sealed, for the registry: the subject, the contacts it
 * contributes, the physical line it starts on, and whether it repeats a customer already accepted
 * earlier in the same range (the reader merged it there; the registry only adds its items).
 */
public record Registration(long line, boolean repeat, SubjectRecord subject, List<ContactRecord> contacts) {

    public Registration {
        contacts = List.copyOf(contacts);
    }
}
