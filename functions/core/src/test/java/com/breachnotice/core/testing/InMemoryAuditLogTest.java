package com.breachnotice.core.testing;

import com.breachnotice.core.audit.AuditLog;
import com.breachnotice.core.testing.contracts.AuditLogContract;

/** The {@code AuditLog} contract on the in-memory fake. */
class InMemoryAuditLogTest extends AuditLogContract {

    private final AuditLog audit = new InMemoryAuditLog();

    @Override
    protected AuditLog audit() {
        return audit;
    }
}
