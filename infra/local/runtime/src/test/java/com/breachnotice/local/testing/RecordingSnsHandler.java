package com.breachnotice.local.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import java.util.List;
import java.util.Map;

/** Records each SNS event. */
public final class RecordingSnsHandler implements RequestHandler<SNSEvent, Void> {

    private final List<Object> events;

    public RecordingSnsHandler() {
        this(System.getenv());
    }

    public RecordingSnsHandler(Map<String, String> environment) {
        this.events = Recordings.of(environment);
    }

    @Override
    @SuppressWarnings("NullAway") // Void handlers return null, as Lambda expects.
    public Void handleRequest(SNSEvent event, Context context) {
        events.add(event);
        return null;
    }
}
