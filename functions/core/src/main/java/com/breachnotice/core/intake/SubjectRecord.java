package com.breachnotice.core.intake;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import java.util.Optional;
import java.util.Set;

/** One customer as stored: keys and sealed values only, never a readable contact or name. */
public record SubjectRecord(
        String customerId,
        Set<ItemKind> items,
        NoticeLocale locale,
        Optional<ContactKey> email,
        Optional<ContactKey> phone,
        Optional<Sealed> name,
        String manifestId) {

    public SubjectRecord {
        items = Set.copyOf(items);
    }
}
