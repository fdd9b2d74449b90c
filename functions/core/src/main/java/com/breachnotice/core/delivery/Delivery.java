package com.breachnotice.core.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the proof of notice holds for one delivery: its latest status and, oldest first, every status
 * it took with its time ({@link StatusChange}; a claim that was never recorded has none), the
 * reference-code hash its notice printed and the masked recipient when the sender kept one.
 */
public record Delivery(
        DeliveryId id,
        DeliveryStatus status,
        Instant updatedAt,
        Optional<Instant> sentAt,
        Optional<String> providerMessageId,
        Optional<String> reason,
        Optional<NoticeProof> told,
        List<StatusChange> history,
        Optional<String> referenceHash,
        Optional<String> recipientMask) {

    public Delivery {
        history = List.copyOf(history);
    }

    public Delivery(
            DeliveryId id,
            DeliveryStatus status,
            Instant updatedAt,
            Optional<Instant> sentAt,
            Optional<String> providerMessageId,
            Optional<String> reason,
            Optional<NoticeProof> told) {
        this(
                id,
                status,
                updatedAt,
                sentAt,
                providerMessageId,
                reason,
                told,
                List.of(),
                Optional.empty(),
                Optional.empty());
    }

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
