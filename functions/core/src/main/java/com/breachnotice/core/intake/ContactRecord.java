package com.breachnotice.core.intake;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import java.util.Optional;
import java.util.Set;

/**
 * One contact as one owner contributes it. Stored contacts merge contributions: items and owners
 * are unions, the first locale and name are kept, and {@code ownerWithoutEmail} is true when any
 * owner has no usable email (so the email-first policy texts this phone).
 */
public record ContactRecord(
        ContactKey key,
        Sealed value,
        Optional<Sealed> name,
        NoticeLocale locale,
        Set<ItemKind> items,
        String customerId,
        boolean smsCapable,
        boolean ownerWithoutEmail) {

    public ContactRecord {
        items = Set.copyOf(items);
    }
}
