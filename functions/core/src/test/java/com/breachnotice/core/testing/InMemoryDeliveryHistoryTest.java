package com.breachnotice.core.testing;

import com.breachnotice.core.testing.contracts.DeliveryHistoryContract;
import com.breachnotice.core.testing.contracts.DeliveryTable;

/** The {@code DeliveryHistory} contract on the in-memory fake. */
class InMemoryDeliveryHistoryTest extends DeliveryHistoryContract {

    private final DeliveryTable table = DeliveryTable.of(new InMemoryDeliveryLog());

    @Override
    protected DeliveryTable table() {
        return table;
    }
}
