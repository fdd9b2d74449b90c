package com.breachnotice.core.lookup;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.registry.ContactBook;
import com.breachnotice.core.registry.StoredContact;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link ContactBook} in memory that counts its reads, so tests can prove a path reads nothing. */
public final class InMemoryContactBook implements ContactBook {

    private final Map<ContactKey, StoredContact> contacts = new HashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    public synchronized InMemoryContactBook add(StoredContact contact) {
        contacts.put(contact.key(), contact);
        return this;
    }

    @Override
    public synchronized Map<ContactKey, StoredContact> find(Collection<ContactKey> keys) {
        reads.incrementAndGet();
        Map<ContactKey, StoredContact> found = new HashMap<>();
        for (ContactKey key : keys) {
            StoredContact contact = contacts.get(key);
            if (contact != null) {
                found.put(key, contact);
            }
        }
        return found;
    }

    public int reads() {
        return reads.get();
    }
}
