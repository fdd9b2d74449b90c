package com.breachnotice.aws.dynamodb;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.campaign.CampaignLifecycles;
import com.breachnotice.core.campaign.CampaignStore;
import com.breachnotice.core.delivery.JobLedger;
import com.breachnotice.core.planning.CampaignCounters;
import com.breachnotice.core.planning.PlanLedger;
import com.breachnotice.core.testing.contracts.CampaignCountersContract;
import com.breachnotice.core.testing.contracts.DeliveryTable;

/** The counters and lifecycle contract on the DynamoDB adapters, against the emulator. */
class DynamoDbCampaignCountersContractIT extends CampaignCountersContract {

    private static String campaignTable() {
        return ContractStack.stack().physicalId("CampaignTable");
    }

    @Override
    protected CampaignCounters counters() {
        return new DynamoDbCampaignCounters(TestStacks.clients().dynamoDb(), campaignTable());
    }

    @Override
    protected PlanLedger plans() {
        return new DynamoDbPlanLedger(TestStacks.clients().dynamoDb(), campaignTable());
    }

    @Override
    protected JobLedger jobs() {
        return ContractStack.jobs();
    }

    @Override
    protected DeliveryTable deliveries() {
        return DeliveryTable.of(new DynamoDbDeliveryLog(
                TestStacks.clients().dynamoDb(), ContractStack.stack().physicalId("DeliveryTable"), campaignTable()));
    }

    @Override
    protected CampaignStore campaigns() {
        return new DynamoDbCampaignStore(TestStacks.clients().dynamoDb(), campaignTable());
    }

    @Override
    protected CampaignLifecycles lifecycles() {
        return new DynamoDbCampaignStore(TestStacks.clients().dynamoDb(), campaignTable());
    }
}
