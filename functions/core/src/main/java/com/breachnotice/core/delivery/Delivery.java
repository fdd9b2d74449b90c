package com.breachnotice.core.delivery;

import java.time.Instant;
import java.util.Optional;

/** What the proof of notice holds for one delivery. */
public record Delivery(
        DeliveryId id,
        DeliveryStatus status,
        Instant updatedAt,
        Optional<Instant> sentAt,
        Optional<String> providerMessageId,
        Optional<String> reason,
        Optional<NoticeProof> told) {

    public Delivery(
            DeliveryId id,
            DeliveryStatus status,
            Instant updatedAt,
            Optional<Instant> sentAt,
            Optional<String> providerMessageId,
            Optional<String> reason) {
        this(id, status, updatedAt, sentAt, providerMessageId, reason, Optional.empty());
    }
}
