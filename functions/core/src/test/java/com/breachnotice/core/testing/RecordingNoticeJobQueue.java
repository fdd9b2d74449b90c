package com.breachnotice.core.testing;

import com.breachnotice.core.planning.NoticeJob;
import com.breachnotice.core.planning.NoticeJobQueue;
import java.util.ArrayList;
import java.util.List;

/** {@link NoticeJobQueue} that keeps every enqueue call, in order. */
public final class RecordingNoticeJobQueue implements NoticeJobQueue {

    private final List<List<NoticeJob>> calls = new ArrayList<>();

    @Override
    public synchronized void enqueue(List<NoticeJob> items) {
        calls.add(List.copyOf(items));
    }

    /** Everything enqueued, flattened, in order. */
    public synchronized List<NoticeJob> all() {
        return calls.stream().flatMap(List::stream).toList();
    }

    public synchronized List<List<NoticeJob>> calls() {
        return List.copyOf(calls);
    }

    /** Takes everything enqueued so far, as a consumer would receive it. */
    public synchronized List<NoticeJob> drain() {
        List<NoticeJob> taken = all();
        calls.clear();
        return taken;
    }
}
