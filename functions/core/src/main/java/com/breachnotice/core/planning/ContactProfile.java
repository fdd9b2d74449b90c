package com.breachnotice.core.planning;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.registry.StoredContact;
import java.util.Optional;

/**
 * What the planner needs to know of a contact: its key and flags, and, when the scan read it, the
 * stored contact as the registry holds it (still sealed), which travels with the notice job so the
 * sender need not read it again.
 */
public record ContactProfile(
        ContactKey key,
        NoticeLocale locale,
        boolean smsCapable,
        boolean ownerWithoutEmail,
        Optional<StoredContact> stored) {

    public ContactProfile(ContactKey key, NoticeLocale locale, boolean smsCapable, boolean ownerWithoutEmail) {
        this(key, locale, smsCapable, ownerWithoutEmail, Optional.empty());
    }
}
