package com.breachnotice.core.metrics;

import java.util.regex.Pattern;

/**
 * Counts what the functions do, for dashboards and alarms.
 *
 * <p>A dimension value is a code from a closed set ({@code sent}, {@code budget_spent}, {@code email}),
 * never request data: adapters publish a value that does not look like a code as {@code other}, so
 * an email address, a phone number or an id can never become a metric dimension by mistake.
 */
public interface Metrics {

    /** What a dimension value may look like: lower-case letters, digits after the first, underscores. */
    Pattern CODE = Pattern.compile("[a-z][a-z_]{0,39}");

    /** Counts one occurrence of {@code metric} with one dimension. */
    void count(String metric, String dimension, String value);

    /**
     * Counts {@code amount} occurrences at once (a job's notices sent); nothing when it is not
     * positive. Adapters that can publish a sum in one record override this.
     */
    default void count(String metric, String dimension, String value, long amount) {
        for (long i = 0; i < amount; i++) {
            count(metric, dimension, value);
        }
    }

    /** {@code value} when it is a code, else {@code other}. */
    static String safeValue(String value) {
        return CODE.matcher(value).matches() ? value : "other";
    }

    /** Publishes nothing: for tools and tests that do not look at metrics. */
    Metrics NONE = (metric, dimension, value) -> {};
}
