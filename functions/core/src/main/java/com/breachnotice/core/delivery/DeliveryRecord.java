package com.breachnotice.core.delivery;

import java.time.Instant;
import java.util.Optional;

/**
 * What a sender writes for one delivery after the provider answered: its status, the hash of the
 * reference code the notice printed, the provider's message id or the failure reason, and what the
 * person was told (absent when no message was built, for example a contact missing from the
 * registry).
 */
public record DeliveryRecord(
        DeliveryId id,
        DeliveryStatus status,
        String referenceHash,
        Optional<String> providerMessageId,
        Optional<String> reason,
        Instant at,
        Optional<NoticeProof> told) {

    public DeliveryRecord {
        if (status == DeliveryStatus.SENDING) {
            throw new IllegalArgumentException("a delivery is recorded with a terminal status");
        }
    }

    /** A record without a message, as written before what the person was told was kept. */
    public DeliveryRecord(
            DeliveryId id,
            DeliveryStatus status,
            String referenceHash,
            Optional<String> providerMessageId,
            Optional<String> reason,
            Instant at) {
        this(id, status, referenceHash, providerMessageId, reason, at, Optional.empty());
    }
}
