package com.breachnotice.core.delivery;

import java.util.Optional;

/**
 * Finds the SMS delivery that a provider message id belongs to. SMS delivery reports name only the
 * provider's message id (the SNS {@code MessageId} the sender recorded), not our keys.
 */
public interface SmsMessageIndex {

    /** The SMS delivery whose send returned this message id; empty when none is recorded (yet). */
    Optional<DeliveryId> smsDelivery(String providerMessageId);
}
