package com.breachnotice.core.delivery;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Provider events applied to recorded deliveries. Statuses only move up in rank, so duplicate, late
 * and out-of-order events are harmless.
 */
public interface DeliveryStatusUpdates {

    /** The delivery as recorded (or claimed), read consistently. */
    Optional<Delivery> find(DeliveryId id);

    /**
     * Moves a delivery's status forward from a provider event; false when it would not advance or
     * the delivery has no record yet (the event is never stored ahead of its delivery).
     */
    boolean advance(DeliveryId id, DeliveryStatus status, @Nullable String reason, Instant at);
}
