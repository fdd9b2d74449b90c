package com.breachnotice.aws.dynamodb;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.delivery.CampaignDeliveries;
import com.breachnotice.core.delivery.SmsMessageIndex;
import com.breachnotice.core.testing.contracts.DeliveryProofContract;
import com.breachnotice.core.testing.contracts.DeliveryTable;

/** The proof-of-notice contract on {@link DynamoDbDeliveryLog}, against the emulator. */
class DynamoDbDeliveryProofIT extends DeliveryProofContract {

    private final DynamoDbDeliveryLog log = new DynamoDbDeliveryLog(
            TestStacks.clients().dynamoDb(), ContractStack.stack().physicalId("DeliveryTable"));

    @Override
    protected DeliveryTable table() {
        return DeliveryTable.of(log);
    }

    @Override
    protected CampaignDeliveries campaignDeliveries() {
        return log;
    }

    @Override
    protected SmsMessageIndex smsIndex() {
        return log;
    }
}
