package com.breachnotice.core.audit;

import java.util.List;

/** The operators' audit trail: append-only, read per campaign. */
public interface AuditLog {

    /** Appends an entry; two entries of the same instant are both kept. */
    void record(AuditEntry entry);

    /** The campaign's entries, oldest first. */
    List<AuditEntry> entries(String campaignId);
}
