package com.breachnotice.local.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;

/** Records each batch; reports every message whose body starts with {@code fail} as a batch item failure. */
public final class RecordingSqsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final List<Object> events;

    public RecordingSqsHandler() {
        this(System.getenv());
    }

    public RecordingSqsHandler(Map<String, String> environment) {
        this.events = Recordings.of(environment);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        events.add(event);
        List<SQSBatchResponse.BatchItemFailure> failures = event.getRecords().stream()
                .filter(message -> message.getBody().startsWith("fail"))
                .map(message -> new SQSBatchResponse.BatchItemFailure(message.getMessageId()))
                .toList();
        return new SQSBatchResponse(failures);
    }
}
