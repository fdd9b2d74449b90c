package com.breachnotice.core.testing;

import com.breachnotice.core.campaign.CampaignLifecycles;
import com.breachnotice.core.campaign.CampaignStore;
import com.breachnotice.core.delivery.JobLedger;
import com.breachnotice.core.planning.CampaignCounters;
import com.breachnotice.core.planning.PlanLedger;
import com.breachnotice.core.testing.contracts.CampaignCountersContract;
import com.breachnotice.core.testing.contracts.DeliveryTable;

/** The counters and lifecycle contract on the in-memory fakes. */
class InMemoryCampaignCountersTest extends CampaignCountersContract {

    private final InMemoryCampaignCounters counters = new InMemoryCampaignCounters();
    private final InMemoryPlanLedger plans = new InMemoryPlanLedger(counters);
    private final InMemoryJobLedger jobs = new InMemoryJobLedger(counters);
    private final InMemoryDeliveryLog deliveries = new InMemoryDeliveryLog(counters);
    private final InMemoryCampaignStore campaigns = new InMemoryCampaignStore();

    @Override
    protected CampaignCounters counters() {
        return counters;
    }

    @Override
    protected PlanLedger plans() {
        return plans;
    }

    @Override
    protected JobLedger jobs() {
        return jobs;
    }

    @Override
    protected DeliveryTable deliveries() {
        return DeliveryTable.of(deliveries);
    }

    @Override
    protected CampaignStore campaigns() {
        return campaigns;
    }

    @Override
    protected CampaignLifecycles lifecycles() {
        return campaigns;
    }
}
