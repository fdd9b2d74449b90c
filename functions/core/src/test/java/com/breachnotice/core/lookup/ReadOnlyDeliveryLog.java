package com.breachnotice.core.lookup;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.delivery.ClaimOutcome;
import com.breachnotice.core.delivery.Delivery;
import com.breachnotice.core.delivery.DeliveryCounts;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryLog;
import com.breachnotice.core.delivery.DeliveryStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@link DeliveryLog} holding given deliveries. The lookup only reads the log, so every write fails:
 * a lookup test that wrote to it would fail loudly.
 */
public final class ReadOnlyDeliveryLog implements DeliveryLog {

    private final List<Delivery> deliveries = new ArrayList<>();
    private final Map<String, Delivery> byReference = new HashMap<>();
    private int referenceLookups;

    public synchronized ReadOnlyDeliveryLog add(Delivery delivery, String referenceHash) {
        deliveries.add(delivery);
        byReference.put(referenceHash, delivery);
        return this;
    }

    @Override
    public ClaimOutcome claim(DeliveryId id, String referenceHash, Instant now, Instant leaseUntil) {
        throw new UnsupportedOperationException("the lookup never claims");
    }

    @Override
    public boolean settle(
            DeliveryId id,
            String claimToken,
            DeliveryStatus status,
            @Nullable String providerMessageId,
            @Nullable String reason,
            Instant at) {
        throw new UnsupportedOperationException("the lookup never settles");
    }

    @Override
    public void release(DeliveryId id, String claimToken) {
        throw new UnsupportedOperationException("the lookup never releases");
    }

    @Override
    public boolean advance(DeliveryId id, DeliveryStatus status, @Nullable String reason, Instant at) {
        throw new UnsupportedOperationException("the lookup never advances");
    }

    @Override
    public boolean recordUnreachable(DeliveryId id, String reason, Instant at) {
        throw new UnsupportedOperationException("the lookup never records deliveries");
    }

    @Override
    public synchronized Optional<Delivery> find(DeliveryId id) {
        return deliveries.stream().filter(d -> d.id().equals(id)).findFirst();
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

    @Override
    public synchronized DeliveryCounts count(String campaignId) {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        deliveries.stream()
                .filter(d -> d.id().campaignId().equals(campaignId))
                .forEach(d -> counts.merge(d.status(), 1L, Long::sum));
        return DeliveryCounts.of(counts);
    }
}
