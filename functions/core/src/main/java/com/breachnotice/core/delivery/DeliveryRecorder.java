package com.breachnotice.core.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The write side of the proof of notice. Deliveries are covered by their job's claim (and a text by
 * its own {@link DeliveryClaims claim}), so their records are written after the send in batches,
 * without a condition per delivery.
 */
public interface DeliveryRecorder {

    /**
     * Writes the records (in batches of the store's size), each whole: a claim of the same delivery
     * is replaced. Idempotent: writing again is harmless.
     */
    void record(List<DeliveryRecord> records);

    /**
     * The deliveries among {@code ids} that already have a record, with their status. A delivery
     * that is only claimed ({@code SENDING}, a text whose sender may have died before the publish)
     * has no record and is not returned: whoever reads this must claim it before sending it.
     */
    Map<DeliveryId, DeliveryStatus> recorded(List<DeliveryId> ids);

    /**
     * Records, once, that a delivery could not be attempted at all (for example a person whose only
     * contact is a landline): {@code FAILED} with the reason, so that nobody of a campaign is left
     * without a terminal record. False when the delivery already exists (nothing is changed).
     */
    boolean recordUnreachable(DeliveryId id, String reason, Instant at);
}
