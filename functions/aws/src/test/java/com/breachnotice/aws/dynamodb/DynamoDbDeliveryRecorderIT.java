package com.breachnotice.aws.dynamodb;

import com.breachnotice.core.testing.contracts.DeliveryRecorderContract;
import com.breachnotice.core.testing.contracts.DeliveryTable;

/** The {@code DeliveryRecorder} contract on {@link DynamoDbDeliveryLog}, against the emulator. */
class DynamoDbDeliveryRecorderIT extends DeliveryRecorderContract {

    @Override
    protected DeliveryTable table() {
        return ContractStack.deliveries();
    }
}
