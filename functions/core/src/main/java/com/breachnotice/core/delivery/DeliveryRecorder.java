package com.breachnotice.core.delivery;

import java.util.List;
import java.util.Map;

/**
 * The write side of the proof of notice under job claims. Deliveries are covered by their job's
 * claim, so their records are written after the send in batches, without a condition per delivery.
 */
public interface DeliveryRecorder {

    /** Writes the records (in batches of the store's size). Idempotent: writing again is harmless. */
    void record(List<DeliveryRecord> records);

    /**
     * The deliveries among {@code ids} that already have a record, with their status. A delivery
     * that is only claimed ({@code SENDING}, a text whose sender may have died before the publish)
     * has no record and is not returned: whoever reads this must claim it before sending it.
     */
    Map<DeliveryId, DeliveryStatus> recorded(List<DeliveryId> ids);
}
