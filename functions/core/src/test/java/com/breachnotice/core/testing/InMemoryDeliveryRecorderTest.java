package com.breachnotice.core.testing;

import com.breachnotice.core.testing.contracts.DeliveryRecorderContract;
import com.breachnotice.core.testing.contracts.DeliveryTable;

/** The {@code DeliveryRecorder} contract on the in-memory fake. */
class InMemoryDeliveryRecorderTest extends DeliveryRecorderContract {

    private final DeliveryTable table = DeliveryTable.of(new InMemoryDeliveryLog());

    @Override
    protected DeliveryTable table() {
        return table;
    }
}
