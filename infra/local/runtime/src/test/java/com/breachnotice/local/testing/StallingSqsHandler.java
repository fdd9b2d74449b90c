package com.breachnotice.local.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Stalls on every message whose body starts with {@code stall} until it is interrupted (or released),
 * then answers as if all went well: a handler that outlives its function's timeout. Records each event
 * and, when interrupted, the marker {@code "interrupted"}.
 */
public final class StallingSqsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** Released by a test that wants a stalled handler to finish. */
    public static final CountDownLatch RELEASE = new CountDownLatch(1);

    private final List<Object> events;

    public StallingSqsHandler(Map<String, String> environment) {
        this.events = Recordings.of(environment);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        events.add(event);
        if (event.getRecords().stream().anyMatch(m -> m.getBody().startsWith("stall"))) {
            try {
                RELEASE.await();
            } catch (InterruptedException e) {
                events.add("interrupted");
                Thread.currentThread().interrupt();
            }
        }
        return new SQSBatchResponse(List.of());
    }
}
