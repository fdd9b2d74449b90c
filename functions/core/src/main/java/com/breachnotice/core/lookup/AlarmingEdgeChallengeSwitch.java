package com.breachnotice.core.lookup;

import com.breachnotice.core.metrics.MetricNames;
import com.breachnotice.core.metrics.Metrics;

/**
 * The switch as the lookup holds it: it counts the request ({@code EdgeChallengeRequested}, per
 * reason), and the alarm on that metric tells the operators, who turn the edge's challenge on. The
 * public function itself gets no right to change the web ACL: {@code wafv2:UpdateWebACL} replaces the
 * whole rule list, so a function that can turn the challenge on could as well remove every rule.
 */
public final class AlarmingEdgeChallengeSwitch implements EdgeChallengeSwitch {

    private final Metrics metrics;

    /** @param metrics the function's own metrics, not a {@link BreakerWatch} (it would count twice) */
    public AlarmingEdgeChallengeSwitch(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void turnOn(String reason) {
        metrics.count(MetricNames.EDGE_CHALLENGE_REQUESTED, MetricNames.REASON, reason);
    }
}
