package com.breachnotice.queue;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The correlation ids of the work in hand, in the logging context (slf4j's MDC, which is Log4j's
 * ThreadContext) for as long as the scope is open: every log line written meanwhile on this thread
 * carries them as fields. Handlers open one around their call with the Lambda request id, and a
 * narrower one around each unit of work (an SQS message, a campaign, an S3 object). Closing a scope
 * puts back what its keys held before, so scopes nest.
 *
 * <p>Only ids belong here, never a contact, a code or a challenge id: see docs/operations.md, "Logs".
 */
public final class LogCorrelation implements AutoCloseable {

    /** The Lambda request id of the invocation. */
    public static final String REQUEST_ID = "requestId";
    /** The SQS message id of the record in hand. */
    public static final String MESSAGE_ID = "messageId";
    /** The campaign a notice job or plan task belongs to. */
    public static final String CAMPAIGN_ID = "campaignId";
    /** The manifest a range or an upload belongs to. */
    public static final String MANIFEST_ID = "manifestId";
    /** The S3 key of the object in hand. */
    public static final String OBJECT_KEY = "objectKey";

    private final List<String> keys = new ArrayList<>(2);
    private final List<@Nullable String> previous = new ArrayList<>(2);

    private LogCorrelation() {}

    /** A scope with the request id of {@code context}; none when Lambda passed no context (tests, priming). */
    public static LogCorrelation ofRequest(@Nullable Context context) {
        return new LogCorrelation().and(REQUEST_ID, context == null ? null : context.getAwsRequestId());
    }

    /** A scope with one id; an absent or blank value leaves the context as it is. */
    public static LogCorrelation of(String key, @Nullable String value) {
        return new LogCorrelation().and(key, value);
    }

    /** Adds one more id to this scope; an absent or blank value adds nothing. */
    public LogCorrelation and(String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            keys.add(key);
            previous.add(MDC.get(key));
            MDC.put(key, value);
        }
        return this;
    }

    /** Puts back what the keys held before this scope, the last one first. */
    @Override
    public void close() {
        for (int i = keys.size() - 1; i >= 0; i--) {
            String before = previous.get(i);
            if (before == null) {
                MDC.remove(keys.get(i));
            } else {
                MDC.put(keys.get(i), before);
            }
        }
        keys.clear();
        previous.clear();
    }
}
