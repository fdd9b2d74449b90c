package com.breachnotice.core.testing;

import com.breachnotice.core.testing.contracts.DeliveryStatusUpdatesContract;
import com.breachnotice.core.testing.contracts.DeliveryTable;

/** The {@code DeliveryStatusUpdates} contract on the in-memory fake. */
class InMemoryDeliveryStatusUpdatesTest extends DeliveryStatusUpdatesContract {

    private final DeliveryTable table = DeliveryTable.of(new InMemoryDeliveryLog());

    @Override
    protected DeliveryTable table() {
        return table;
    }
}
