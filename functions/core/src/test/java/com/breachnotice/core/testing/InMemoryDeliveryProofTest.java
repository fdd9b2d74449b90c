package com.breachnotice.core.testing;

import com.breachnotice.core.delivery.CampaignDeliveries;
import com.breachnotice.core.delivery.SmsMessageIndex;
import com.breachnotice.core.testing.contracts.DeliveryProofContract;
import com.breachnotice.core.testing.contracts.DeliveryTable;

/** The proof-of-notice contract on the in-memory fake. */
class InMemoryDeliveryProofTest extends DeliveryProofContract {

    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    private final DeliveryTable table = DeliveryTable.of(log);

    @Override
    protected DeliveryTable table() {
        return table;
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
