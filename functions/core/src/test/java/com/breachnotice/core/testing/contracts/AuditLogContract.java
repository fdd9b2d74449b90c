package com.breachnotice.core.testing.contracts;

import static com.breachnotice.core.testing.contracts.ContractData.NOW;
import static com.breachnotice.core.testing.contracts.ContractData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.audit.AuditEntry;
import com.breachnotice.core.audit.AuditLog;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link AuditLog} does, run against the in-memory fake and the DynamoDB adapter. */
public abstract class AuditLogContract {

    protected abstract AuditLog audit();

    private static AuditEntry entry(String campaign, int second, String action) {
        return new AuditEntry(
                campaign,
                NOW.plusSeconds(second),
                "arn:aws:iam::123456789012:user/operator",
                "ops-laptop",
                action,
                Map.of("reason", "typo in the help line"));
    }

    @Test
    void entries_oldestFirst_onlyTheCampaigns_sameInstantBothKept() {
        String campaign = unique("c");
        audit().record(entry(campaign, 20, "campaign.pause"));
        audit().record(entry(campaign, 10, "campaign.launch"));
        audit().record(entry(campaign, 20, "campaign.pause"));
        audit().record(entry(unique("c"), 15, "campaign.launch"));

        assertThat(audit().entries(campaign))
                .extracting(AuditEntry::action)
                .containsExactly("campaign.launch", "campaign.pause", "campaign.pause");
        assertThat(audit().entries(campaign).get(0)).isEqualTo(entry(campaign, 10, "campaign.launch"));
    }

    @Test
    void entries_unknownCampaign_empty() {
        assertThat(audit().entries(unique("c"))).isEmpty();
    }
}
