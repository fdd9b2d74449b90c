package com.breachnotice.aws.dynamodb;

import com.breachnotice.core.delivery.JobLedger;
import com.breachnotice.core.testing.contracts.JobLedgerContract;

/** The {@code JobLedger} contract on {@link DynamoDbJobLedger}, against the emulator. */
class DynamoDbJobLedgerContractIT extends JobLedgerContract {

    @Override
    protected JobLedger ledger() {
        return ContractStack.jobs();
    }
}
