package com.breachnotice.core.delivery;

import java.time.Instant;
import java.util.Optional;

/** What the delivery log holds for one delivery: the proof of notice. */
public record Delivery(
        DeliveryId id,
        DeliveryStatus status,
        Instant updatedAt,
        Optional<Instant> sentAt,
        Optional<String> providerMessageId,
        Optional<String> reason) {}
