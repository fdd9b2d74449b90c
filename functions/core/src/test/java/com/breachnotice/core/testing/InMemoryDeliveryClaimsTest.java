package com.breachnotice.core.testing;

import com.breachnotice.core.testing.contracts.DeliveryClaimsContract;
import com.breachnotice.core.testing.contracts.DeliveryTable;

/** The {@code DeliveryClaims} contract on the in-memory fake. */
class InMemoryDeliveryClaimsTest extends DeliveryClaimsContract {

    private final DeliveryTable table = DeliveryTable.of(new InMemoryDeliveryLog());

    @Override
    protected DeliveryTable table() {
        return table;
    }
}
