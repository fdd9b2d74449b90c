package com.breachnotice.core.testing.contracts;

import com.breachnotice.core.delivery.DeliveryClaims;
import com.breachnotice.core.delivery.DeliveryHistory;
import com.breachnotice.core.delivery.DeliveryRecorder;
import com.breachnotice.core.delivery.DeliveryStatusUpdates;

/**
 * The roles of one deliveries table under contract: a role's contract uses the others to set up
 * and observe, as the functions do on one table.
 */
public record DeliveryTable(
        DeliveryClaims claims, DeliveryRecorder recorder, DeliveryStatusUpdates updates, DeliveryHistory history) {

    /** One implementation that plays every role (the DynamoDB adapter, the in-memory fake). */
    public static <T extends DeliveryClaims & DeliveryRecorder & DeliveryStatusUpdates & DeliveryHistory>
            DeliveryTable of(T table) {
        return new DeliveryTable(table, table, table, table);
    }
}
