package com.breachnotice.core.testing;

import com.breachnotice.core.audit.AuditEntry;
import com.breachnotice.core.audit.AuditLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The audit trail in memory: entries kept in arrival order, read oldest first per campaign. */
public final class InMemoryAuditLog implements AuditLog {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized List<AuditEntry> entries(String campaignId) {
        return entries.stream()
                .filter(e -> e.campaignId().equals(campaignId))
                .sorted(Comparator.comparing(AuditEntry::at))
                .toList();
    }
}
