package com.breachnotice.aws.dynamodb;

import com.breachnotice.core.testing.contracts.DeliveryHistoryContract;
import com.breachnotice.core.testing.contracts.DeliveryTable;

/** The {@code DeliveryHistory} contract on {@link DynamoDbDeliveryLog}, against the emulator. */
class DynamoDbDeliveryHistoryIT extends DeliveryHistoryContract {

    @Override
    protected DeliveryTable table() {
        return ContractStack.deliveries();
    }
}
