package com.breachnotice.core.manifest;

import com.breachnotice.core.contact.Contact;
import java.util.Optional;
import java.util.Set;

/**
 * One accepted row of either kind. For an address-book row ({@code kind} {@link
 * ManifestKind#ADDRESS_BOOK}) {@code customerId} is the owner's customer id, {@code email} is empty,
 * {@code phone} is a mobile number, and {@code repeat} means an earlier entry of the same read had
 * the same phone. One accepted row, validated and normalized. {@code name} may be empty. At least one of email and
 * phone is present. {@code repeat} is true for a later row of a customer already accepted in the same
 * read (with the same contacts): it merges its items into that customer and counts in {@code merged}.
 */
public record ManifestRow(
        ManifestKind kind,
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
        if (kind == ManifestKind.ADDRESS_BOOK && (phone.isEmpty() || email.isPresent())) {
            throw new IllegalArgumentException("an address-book row has a phone and no email");
        }
    }

    /** A row of a customer manifest. */
    public ManifestRow(
            long line,
            String customerId,
            String name,
            Optional<Contact> email,
            Optional<Contact> phone,
            NoticeLocale locale,
            Set<ItemKind> items,
            boolean repeat) {
        this(ManifestKind.CUSTOMERS, line, customerId, name, email, phone, locale, items, repeat);
    }

    @Override
    public String toString() {
        return "ManifestRow[" + kind + ", line=" + line + ", items=" + items + "]";
    }
}
