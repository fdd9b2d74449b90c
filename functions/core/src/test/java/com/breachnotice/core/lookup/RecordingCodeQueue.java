package com.breachnotice.core.lookup;

import java.util.ArrayList;
import java.util.List;

/** {@link CodeQueue} that keeps what was enqueued. */
public final class RecordingCodeQueue implements CodeQueue {

    private final List<CodeRequest> requests = new ArrayList<>();

    @Override
    public synchronized void enqueue(CodeRequest request) {
        requests.add(request);
    }

    public synchronized List<CodeRequest> requests() {
        return List.copyOf(requests);
    }

    public synchronized CodeRequest last() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("nothing was enqueued");
        }
        return requests.get(requests.size() - 1);
    }
}
