package com.breachnotice.core.delivery;

import java.util.Optional;

/**
 * The masked recipient of each delivery ({@link RecipientMask}), kept beside the delivery so that the
 * lookup, which never opens a sealed contact, can show whom a reference code was sent to.
 */
public interface RecipientMasks {

    /**
     * Remembers the mask of a delivery's recipient; written by the sender, which opens the contact
     * to send. A delivery that does not exist is left alone.
     */
    void remember(DeliveryId delivery, String mask);

    /** The mask of the delivery's recipient, empty when none was kept. */
    Optional<String> find(DeliveryId delivery);
}
