package com.breachnotice.aws.dynamodb;

import com.breachnotice.core.testing.contracts.DeliveryClaimsContract;
import com.breachnotice.core.testing.contracts.DeliveryTable;

/** The {@code DeliveryClaims} contract on {@link DynamoDbDeliveryLog}, against the emulator. */
class DynamoDbDeliveryClaimsIT extends DeliveryClaimsContract {

    @Override
    protected DeliveryTable table() {
        return ContractStack.deliveries();
    }
}
