package com.breachnotice.core.testing;

import com.breachnotice.core.lookup.CodeQueue;
import com.breachnotice.core.lookup.CodeRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link CodeQueue} that keeps every request. */
public final class RecordingCodeQueue implements CodeQueue {

    private final List<CodeRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public void enqueue(CodeRequest request) {
        requests.add(request);
    }

    public List<CodeRequest> requests() {
        return List.copyOf(requests);
    }
}
