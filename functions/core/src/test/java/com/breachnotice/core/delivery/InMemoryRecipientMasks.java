package com.breachnotice.core.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link RecipientMasks} in memory. Unlike the adapter it keeps a mask for any delivery id. */
public final class InMemoryRecipientMasks implements RecipientMasks {

    private final Map<DeliveryId, String> masks = new HashMap<>();

    @Override
    public synchronized void remember(DeliveryId delivery, String mask) {
        masks.put(delivery, mask);
    }

    @Override
    public synchronized Optional<String> find(DeliveryId delivery) {
        return Optional.ofNullable(masks.get(delivery));
    }
}
