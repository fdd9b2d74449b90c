package com.breachnotice.cli.campaign;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.aws.dynamodb.DynamoDbAuditLog;
import com.breachnotice.cli.stack.StackOutputs;
import com.breachnotice.core.audit.AuditEntry;
import com.breachnotice.core.audit.AuditLog;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The CLI's side of the audit trail: every command that changes a campaign or publishes something
 * calls {@link #record} with what it did. Identity is asked once per command. Commands that
 * disclose (a revealed export) record before they act, so nothing is disclosed unrecorded; commands
 * that change state record after the change succeeded, so the trail says what happened.
 */
public final class CampaignAudit {

    private final AuditLog log;
    private final Supplier<OperatorIdentity> identity;
    private final Clock clock;

    CampaignAudit(AuditLog log, Supplier<OperatorIdentity> identity, Clock clock) {
        this.log = log;
        this.identity = identity;
        this.clock = clock;
    }

    /** On a stack's campaign table, the caller from STS . */
    public static CampaignAudit of(AwsClients aws, StackOutputs outputs) {
        FunctionEnvironment environment = FunctionEnvironment.ofProcess();
        return new CampaignAudit(
                new DynamoDbAuditLog(aws.dynamoDb(), outputs.require(CampaignAdmin.CAMPAIGN_TABLE_OUTPUT)),
                () -> OperatorIdentity.current(aws, environment),
                Clock.systemUTC());
    }

    /**
     * Appends what the operator did to a campaign ({@link AuditEntry#INCIDENT} for the incident),
     * e.g. {@code record("first-notice", "campaign.pause", Map.of("reason", "wrong help line"))}.
     */
    public AuditEntry record(String campaignId, String action, Map<String, String> details) {
        OperatorIdentity who = identity.get();
        AuditEntry entry = new AuditEntry(campaignId, clock.instant(), who.arn(), who.host(), action, details);
        log.record(entry);
        return entry;
    }

    public List<AuditEntry> entries(String campaignId) {
        return log.entries(campaignId);
    }
}
