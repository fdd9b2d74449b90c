package com.breachnotice.core.audit;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One thing an operator did: who (the caller's identity, an ARN), what ({@code campaign.launch},
 * {@code incident.publish}, {@code export.reveal}, ...), when, from which host, to which campaign,
 * with details (option values, counts; never a contact).
 *
 * @param campaignId the campaign it concerns, or {@link #INCIDENT} for the incident description
 */
public record AuditEntry(
        String campaignId, Instant at, String actor, String host, String action, Map<String, String> details) {

    /** The subject of entries about the incident description rather than one campaign. */
    public static final String INCIDENT = "#incident";

    public AuditEntry {
        if (campaignId.isBlank() || actor.isBlank() || action.isBlank()) {
            throw new IllegalArgumentException("an audit entry names its campaign, actor and action");
        }
        details = Map.copyOf(new TreeMap<>(details));
    }
}
