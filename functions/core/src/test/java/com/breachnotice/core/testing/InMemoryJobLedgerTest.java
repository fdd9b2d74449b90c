package com.breachnotice.core.testing;

import com.breachnotice.core.delivery.JobLedger;
import com.breachnotice.core.testing.contracts.JobLedgerContract;

/** The {@code JobLedger} contract on the in-memory fake. */
class InMemoryJobLedgerTest extends JobLedgerContract {

    private final InMemoryJobLedger ledger = new InMemoryJobLedger();

    @Override
    protected JobLedger ledger() {
        return ledger;
    }
}
