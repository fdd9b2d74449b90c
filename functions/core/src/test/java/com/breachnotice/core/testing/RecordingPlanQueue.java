package com.breachnotice.core.testing;

import com.breachnotice.core.planning.PlanQueue;
import com.breachnotice.core.planning.PlanTask;
import java.util.ArrayList;
import java.util.List;

/** {@link PlanQueue} that keeps every enqueue call, in order. */
public final class RecordingPlanQueue implements PlanQueue {

    private final List<List<PlanTask>> calls = new ArrayList<>();

    @Override
    public synchronized void enqueue(List<PlanTask> items) {
        calls.add(List.copyOf(items));
    }

    /** Everything enqueued, flattened, in order. */
    public synchronized List<PlanTask> all() {
        return calls.stream().flatMap(List::stream).toList();
    }

    public synchronized List<List<PlanTask>> calls() {
        return List.copyOf(calls);
    }

    /** Takes everything enqueued so far, as a consumer would receive it. */
    public synchronized List<PlanTask> drain() {
        List<PlanTask> taken = all();
        calls.clear();
        return taken;
    }
}
