package com.breachnotice.core.lookup;

/**
 * Turns on the edge's challenge of every code and reference request (AWS WAF's Challenge action on
 * {@code POST /v1/*}): browsers solve it silently, scripts do not. Asked by a {@link
 * FailureRatioBreaker} when failures across the whole lookup look like a distributed attack that the
 * per-address limits cannot see. Turning it off is an operator's decision, once the wave is over.
 */
public interface EdgeChallengeSwitch {

    /**
     * Asks the edge to challenge. Idempotent; called again while the failures last. {@code reason} is
     * a code from a closed set (the breaker's name), never request data.
     */
    void turnOn(String reason);

    /** No edge (the local environment): nothing to turn on. */
    EdgeChallengeSwitch NONE = reason -> {};
}
