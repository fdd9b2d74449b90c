package com.breachnotice.aws.dynamodb;

import com.breachnotice.core.testing.contracts.DeliveryStatusUpdatesContract;
import com.breachnotice.core.testing.contracts.DeliveryTable;

/** The {@code DeliveryStatusUpdates} contract on {@link DynamoDbDeliveryLog}, against the emulator. */
class DynamoDbDeliveryStatusUpdatesIT extends DeliveryStatusUpdatesContract {

    @Override
    protected DeliveryTable table() {
        return ContractStack.deliveries();
    }
}
