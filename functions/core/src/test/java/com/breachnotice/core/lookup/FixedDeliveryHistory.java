package com.breachnotice.core.lookup;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.delivery.Delivery;
import com.breachnotice.core.delivery.DeliveryHistory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link DeliveryHistory} holding given deliveries. The lookup is given only the read role of the
 * deliveries table, so it cannot write: no method here needs to refuse one.
 */
public final class FixedDeliveryHistory implements DeliveryHistory {

    private final List<Delivery> deliveries = new ArrayList<>();
    private final Map<String, Delivery> byReference = new HashMap<>();
    private int referenceLookups;

    public synchronized FixedDeliveryHistory add(Delivery delivery, String referenceHash) {
        deliveries.add(delivery);
        byReference.put(referenceHash, delivery);
        return this;
    }

    @Override
    public synchronized List<Delivery> forContact(ContactKey contact) {
        return deliveries.stream().filter(d -> d.id().contact().equals(contact)).toList();
    }

    @Override
    public synchronized Optional<Delivery> findByReferenceHash(String referenceHash) {
        referenceLookups++;
        return Optional.ofNullable(byReference.get(referenceHash));
    }

    /** How many reference lookups were made: the lookup's constant-work check counts them. */
    public synchronized int referenceLookups() {
        return referenceLookups;
    }
}
