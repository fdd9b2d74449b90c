package com.breachnotice.local;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one handler invocation.
 *
 * @param functionLogicalId the function invoked
 * @param eventType the simple name of the event class, for example {@code SQSEvent}
 * @param requestId the {@code awsRequestId} the handler saw
 * @param started when the invocation started
 * @param duration how long the handler ran
 * @param outcome how it ended
 * @param result what the handler returned, null on failure or when it returned nothing
 * @param error what the handler threw, null unless {@link Outcome#FAILED}
 */
public record Invocation(
        String functionLogicalId,
        String eventType,
        String requestId,
        Instant started,
        Duration duration,
        Outcome outcome,
        @Nullable Object result,
        @Nullable Throwable error) {

    /** How an invocation ended, as Lambda would classify it. */
    public enum Outcome {
        SUCCEEDED,
        /** The handler threw. */
        FAILED,
        /** The handler returned after the function's Timeout: Lambda would have killed it, so it counts as failed. */
        TIMED_OUT
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }
}
