package com.breachnotice.core.intake;

import java.util.List;

/**
 * Writes of one chunk that a registry wants to confirm later (the DynamoDB registry's blind puts,
 * checked one chunk later). A registry keeps nothing between calls: it returns this in {@link
 * Registered#unconfirmed}, and the caller, which loads one range, hands it back with its next chunk
 * and finally to {@link SubjectRegistry#settle}. Callers never look inside.
 */
public record Unconfirmed(List<Registration> subjects, List<ContactRecord> contacts) {

    public static final Unconfirmed NONE = new Unconfirmed(List.of(), List.of());

    public Unconfirmed {
        subjects = List.copyOf(subjects);
        contacts = List.copyOf(contacts);
    }

    public boolean isEmpty() {
        return subjects.isEmpty() && contacts.isEmpty();
    }
}
