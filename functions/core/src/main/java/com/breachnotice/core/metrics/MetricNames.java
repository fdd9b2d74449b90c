package com.breachnotice.core.metrics;

/** The names of the counters, shared by the code that counts and by the alarms in template.yaml. */
public final class MetricNames {

    /** Challenges started (one code asked for), per outcome: {@code started}, {@code busy}, {@code contact_limit}. */
    public static final String CODES_REQUESTED = "CodesRequested";
    /** Code messages the provider accepted, per channel. */
    public static final String CODES_SENT = "CodesSent";
    /** Codes that did not go out, per reason. */
    public static final String CODES_NOT_SENT = "CodesNotSent";
    /** Code verifications, per outcome. */
    public static final String VERIFICATIONS = "Verifications";
    /** Reference-code checks, per outcome. */
    public static final String REFERENCE_CHECKS = "ReferenceChecks";
    /** The lookup's failure-ratio breakers asking for the edge's challenge, per reason (the breaker). */
    public static final String EDGE_CHALLENGE_REQUESTED = "EdgeChallengeRequested";

    public static final String OUTCOME = "outcome";
    public static final String REASON = "reason";
    public static final String CHANNEL = "channel";

    private MetricNames() {}
}
