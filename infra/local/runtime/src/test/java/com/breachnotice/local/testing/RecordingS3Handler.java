package com.breachnotice.local.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.util.List;
import java.util.Map;

/** Records each S3 event; a plain method, not a {@code RequestHandler}, as Lambda also allows. */
public final class RecordingS3Handler {

    private final List<Object> events;

    public RecordingS3Handler() {
        this(System.getenv());
    }

    public RecordingS3Handler(Map<String, String> environment) {
        this.events = Recordings.of(environment);
    }

    public void handleRequest(S3Event event, Context context) {
        events.add(event);
    }
}
