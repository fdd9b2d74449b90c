package com.breachnotice.core.registry;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import java.util.Optional;
import java.util.Set;

/**
 * A contact as the registry holds it after merging every owner: its value and name are sealed
 * (opened only by the sender, with the record's key as associated data).
 */
public record StoredContact(
        ContactKey key,
        Sealed value,
        Optional<Sealed> name,
        NoticeLocale locale,
        Set<ItemKind> items,
        boolean smsCapable,
        boolean ownerWithoutEmail) {

    public StoredContact {
        items = Set.copyOf(items);
    }
}
