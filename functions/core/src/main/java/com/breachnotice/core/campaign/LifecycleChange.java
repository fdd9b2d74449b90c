package com.breachnotice.core.campaign;

import java.time.Instant;

/**
 * One move of a campaign's lifecycle: when, by whom (the caller's identity, for the CLI the ARN
 * STS answers) and why. The reason is the operator's own words; it never holds contacts.
 */
public record LifecycleChange(CampaignState from, CampaignState to, Instant at, String by, String reason) {

    /** Longest reason kept: the history lives on the campaign item, which must stay small. */
    public static final int MAX_REASON = 500;

    public LifecycleChange {
        reason = reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }
}
