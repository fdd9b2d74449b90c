package com.breachnotice.core.intake;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.registry.SubjectRole;
import java.util.Optional;
import java.util.Set;

/**
 * One contact as one owner contributes it. Stored contacts merge contributions: items and owners
 * are unions, the first locale and name are kept, and {@code ownerWithoutEmail} is true when any
 * owner has no usable email (so the email-first policy texts this phone). {@code role} says in which
 * role the owner contributes it: an address-book entry contributes its phone as
 * {@link SubjectRole#ADDRESS_BOOK}, always with {@code ownerWithoutEmail} (SMS is its only channel).
 */
public record ContactRecord(
        ContactKey key,
        Sealed value,
        Optional<Sealed> name,
        NoticeLocale locale,
        Set<ItemKind> items,
        String customerId,
        boolean smsCapable,
        boolean ownerWithoutEmail,
        SubjectRole role) {

    public ContactRecord {
        items = Set.copyOf(items);
    }

    /** A customer's contribution. */
    public ContactRecord(
            ContactKey key,
            Sealed value,
            Optional<Sealed> name,
            NoticeLocale locale,
            Set<ItemKind> items,
            String customerId,
            boolean smsCapable,
            boolean ownerWithoutEmail) {
        this(key, value, name, locale, items, customerId, smsCapable, ownerWithoutEmail, SubjectRole.CUSTOMER);
    }
}
