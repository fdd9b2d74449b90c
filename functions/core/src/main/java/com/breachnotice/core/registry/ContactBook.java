package com.breachnotice.core.registry;

import com.breachnotice.core.contact.ContactKey;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Reads stored contacts by key. Keys that are not in the registry are simply absent. */
public interface ContactBook {

    Map<ContactKey, StoredContact> find(Collection<ContactKey> keys);

    default Optional<StoredContact> find(ContactKey key) {
        return Optional.ofNullable(find(java.util.List.of(key)).get(key));
    }
}
