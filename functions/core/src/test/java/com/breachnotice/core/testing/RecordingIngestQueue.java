package com.breachnotice.core.testing;

import com.breachnotice.core.intake.IngestQueue;
import com.breachnotice.core.intake.IngestTask;
import java.util.ArrayList;
import java.util.List;

/** {@link IngestQueue} that keeps every enqueue call, in order. */
public final class RecordingIngestQueue implements IngestQueue {

    private final List<List<IngestTask>> calls = new ArrayList<>();

    @Override
    public synchronized void enqueue(List<IngestTask> items) {
        calls.add(List.copyOf(items));
    }

    /** Everything enqueued, flattened, in order. */
    public synchronized List<IngestTask> all() {
        return calls.stream().flatMap(List::stream).toList();
    }

    public synchronized List<List<IngestTask>> calls() {
        return List.copyOf(calls);
    }

    /** Takes everything enqueued so far, as a consumer would receive it. */
    public synchronized List<IngestTask> drain() {
        List<IngestTask> taken = all();
        calls.clear();
        return taken;
    }
}
