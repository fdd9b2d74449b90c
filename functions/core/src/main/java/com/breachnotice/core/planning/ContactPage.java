package com.breachnotice.core.planning;

import java.util.List;
import java.util.Optional;

/** One page of a scan segment and where the next page starts, if there is one. */
public record ContactPage(List<ContactProfile> contacts, Optional<String> nextStartKey) {
    public ContactPage {
        contacts = List.copyOf(contacts);
    }
}
