package com.breachnotice.aws.dynamodb;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.testing.contracts.DeliveryTable;
import com.breachnotice.emulator.ProvisionedStack;

/**
 * One stack for the contract suites of the DynamoDB adapters, provisioned once: every contract test
 * uses fresh keys, so they share its tables (and the emulator's start-up is paid once).
 */
final class ContractStack {

    private static ProvisionedStack stack;

    private ContractStack() {}

    static synchronized ProvisionedStack stack() {
        if (stack == null) {
            stack = TestStacks.provision(ContractStack.class);
        }
        return stack;
    }

    static DeliveryTable deliveries() {
        return DeliveryTable.of(
                new DynamoDbDeliveryLog(TestStacks.clients().dynamoDb(), stack().physicalId("DeliveryTable")));
    }

    static DynamoDbJobLedger jobs() {
        return new DynamoDbJobLedger(TestStacks.clients().dynamoDb(), stack().physicalId("CampaignTable"));
    }

    static DynamoDbSendGovernor governor() {
        return new DynamoDbSendGovernor(TestStacks.clients().dynamoDb(), stack().physicalId("CampaignTable"));
    }
}
