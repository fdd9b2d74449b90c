package com.breachnotice.core.lookup;

import com.breachnotice.core.metrics.MetricNames;
import com.breachnotice.core.metrics.Metrics;
import java.util.Set;

/**
 * Feeds the lookup's outcomes, as it counts them, to its two {@link FailureRatioBreaker}s, and passes
 * every count on to the metrics it wraps. The outcomes the breakers watch are exactly the ones the
 * dashboard and the alarms show, so the breaker and the operators judge by the same numbers.
 *
 * <ul>
 *   <li>code verifications ({@link MetricNames#VERIFICATIONS}): {@code verified} succeeds; a wrong code,
 *       too many attempts or an unknown challenge fails; an expired code (a slow person) counts as
 *       neither.
 *   <li>code requests ({@link MetricNames#CODES_REQUESTED}): {@code started} succeeds; a request refused
 *       (per-contact limit, or the hour's budget spent) fails.
 * </ul>
 */
public final class BreakerWatch implements Metrics {

    private static final Set<String> FAILED_VERIFICATIONS = Set.of("wrong_code", "too_many_attempts", "unknown");
    private static final Set<String> REFUSED_REQUESTS = Set.of("contact_limit", "busy");

    private final Metrics metrics;
    private final FailureRatioBreaker verifications;
    private final FailureRatioBreaker codeRequests;

    public BreakerWatch(Metrics metrics, FailureRatioBreaker verifications, FailureRatioBreaker codeRequests) {
        this.metrics = metrics;
        this.verifications = verifications;
        this.codeRequests = codeRequests;
    }

    /** The two breakers of the lookup, with their default settings, asking {@code edge}. */
    public static BreakerWatch standard(Metrics metrics, EdgeChallengeSwitch edge, java.time.Clock clock) {
        return new BreakerWatch(
                metrics,
                new FailureRatioBreaker("verification", FailureRatioBreaker.Settings.VERIFICATIONS, edge, clock),
                new FailureRatioBreaker("code_request", FailureRatioBreaker.Settings.CODE_REQUESTS, edge, clock));
    }

    @Override
    public void count(String metric, String dimension, String value) {
        metrics.count(metric, dimension, value);
        if (!MetricNames.OUTCOME.equals(dimension)) {
            return;
        }
        if (MetricNames.VERIFICATIONS.equals(metric)) {
            if (value.equals("verified")) {
                verifications.record(false);
            } else if (FAILED_VERIFICATIONS.contains(value)) {
                verifications.record(true);
            }
        } else if (MetricNames.CODES_REQUESTED.equals(metric)) {
            if (value.equals("started")) {
                codeRequests.record(false);
            } else if (REFUSED_REQUESTS.contains(value)) {
                codeRequests.record(true);
            }
        }
    }
}
