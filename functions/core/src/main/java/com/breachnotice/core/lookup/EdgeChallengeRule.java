package com.breachnotice.core.lookup;

/**
 * The edge's rule that challenges every {@code POST /v1/*} ({@code every-post-challenge} in the web ACL
 * of infra/edge), as the switch function holds it. The rule always exists; its action is {@code Count}
 * (in place, changing nothing for anyone) until something sets it to {@code Challenge}.
 */
public interface EdgeChallengeRule {

    /** What asking for the challenge found, and did. */
    enum Change {
        /** The action was another one and is now {@code Challenge}. */
        TURNED_ON,
        /** It was {@code Challenge} already: nothing was written. */
        ALREADY_ON,
        /** The web ACL has no such rule (an edge stack from before the switch): nothing was written. */
        RULE_MISSING
    }

    /**
     * Sets the rule's action to {@code Challenge}, leaving every other rule and setting of the web ACL
     * as it was. Idempotent.
     */
    Change challenge();
}
