package com.breachnotice.core.delivery;

import java.time.Instant;
import java.util.Optional;

/**
 * What a sender writes for one delivery after the provider answered: its status, the hash of the
 * reference code the notice printed, the provider's message id or the failure reason, and what the
 * person was told (absent when no message was built, for example a contact missing from the
 * registry), and the recipient's mask ({@link RecipientMask}) that the genuineness check shows beside
 * the reference code: written with the record, in the same batch, never as a request of its own.
 */
public record DeliveryRecord(
        DeliveryId id,
        DeliveryStatus status,
        String referenceHash,
        Optional<String> providerMessageId,
        Optional<String> reason,
        Instant at,
        Optional<NoticeProof> told,
        Optional<String> recipientMask) {

    public DeliveryRecord {
        if (status == DeliveryStatus.SENDING) {
            throw new IllegalArgumentException("a delivery is recorded with a terminal status");
        }
    }

    /** A record without the recipient's mask, as written before the mask was kept. */
    public DeliveryRecord(
            DeliveryId id,
            DeliveryStatus status,
            String referenceHash,
            Optional<String> providerMessageId,
            Optional<String> reason,
            Instant at,
            Optional<NoticeProof> told) {
        this(id, status, referenceHash, providerMessageId, reason, at, told, Optional.empty());
    }

    /** A record without a message, as written before what the person was told was kept. */
    public DeliveryRecord(
            DeliveryId id,
            DeliveryStatus status,
            String referenceHash,
            Optional<String> providerMessageId,
            Optional<String> reason,
            Instant at) {
        this(id, status, referenceHash, providerMessageId, reason, at, Optional.empty(), Optional.empty());
    }
}
