package com.breachnotice.core.manifest;

import com.breachnotice.core.contact.Contact;
import java.util.Optional;
import java.util.Set;

/**
 * One accepted row, validated and normalized. {@code name} may be empty. At least one of email and
 * phone is present. {@code repeat} is true for a later row of a customer already accepted in the same
 * read (with the same contacts): it merges its items into that customer and counts in {@code merged}.
 */
public record ManifestRow(
        long line,
        String customerId,
        String name,
        Optional<Contact> email,
        Optional<Contact> phone,
        NoticeLocale locale,
        Set<ItemKind> items,
        boolean repeat) {

    public ManifestRow {
        items = Set.copyOf(items);
        if (email.isEmpty() && phone.isEmpty()) {
            throw new IllegalArgumentException("a manifest row needs a contact");
        }
    }

    @Override
    public String toString() {
        return "ManifestRow[line=" + line + ", items=" + items + "]";
    }
}
