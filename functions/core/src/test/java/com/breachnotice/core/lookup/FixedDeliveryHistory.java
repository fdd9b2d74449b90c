package com.breachnotice.core.lookup;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.delivery.Delivery;
import com.breachnotice.core.delivery.DeliveryHistory;
import com.breachnotice.core.manifest.ItemKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    @Override
    public synchronized Map<ContactKey, Set<ItemKind>> itemsTold(String campaignId, List<ContactKey> contacts) {
        Map<ContactKey, Set<ItemKind>> told = new HashMap<>();
        for (Delivery delivery : deliveries) {
            if (delivery.id().campaignId().equals(campaignId)
                    && contacts.contains(delivery.id().contact())) {
                delivery.told()
                        .ifPresent(proof -> told.computeIfAbsent(
                                        delivery.id().contact(), c -> EnumSet.noneOf(ItemKind.class))
                                .addAll(proof.items()));
            }
        }
        return told;
    }

    /** How many reference lookups were made: the lookup's constant-work check counts them. */
    public synchronized int referenceLookups() {
        return referenceLookups;
    }
}
