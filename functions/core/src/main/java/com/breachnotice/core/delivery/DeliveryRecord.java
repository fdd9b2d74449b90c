package com.breachnotice.core.delivery;

import java.time.Instant;
import java.util.Optional;

/**
 * What a sender writes for one delivery after the provider answered: its status, the hash of the
 * reference code the notice printed, and the provider's message id or the failure reason.
 */
public record DeliveryRecord(
        DeliveryId id,
        DeliveryStatus status,
        String referenceHash,
        Optional<String> providerMessageId,
        Optional<String> reason,
        Instant at) {

    public DeliveryRecord {
        if (status == DeliveryStatus.SENDING) {
            throw new IllegalArgumentException("a delivery is recorded with a terminal status");
        }
    }
}
