package com.breachnotice.aws.dynamodb;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.audit.AuditLog;
import com.breachnotice.core.testing.contracts.AuditLogContract;

/** The {@code AuditLog} contract on {@link DynamoDbAuditLog}, against the emulator. */
class DynamoDbAuditLogIT extends AuditLogContract {

    private final AuditLog audit = new DynamoDbAuditLog(
            TestStacks.clients().dynamoDb(), ContractStack.stack().physicalId("CampaignTable"));

    @Override
    protected AuditLog audit() {
        return audit;
    }
}
