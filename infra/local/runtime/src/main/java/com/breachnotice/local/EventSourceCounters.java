package com.breachnotice.local;

import java.util.concurrent.atomic.AtomicLong;

/** The live counters behind {@link EventSourceStats}. */
final class EventSourceCounters {

    private final String name;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong failedInvocations = new AtomicLong();
    private final AtomicLong failedItems = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();

    EventSourceCounters(String name) {
        this.name = name;
    }

    void received(int count) {
        received.addAndGet(count);
    }

    void invoked(Invocation invocation) {
        invocations.incrementAndGet();
        if (!invocation.succeeded()) {
            failedInvocations.incrementAndGet();
        }
    }

    void failedItems(int count) {
        failedItems.addAndGet(count);
    }

    void deleted(int count) {
        deleted.addAndGet(count);
    }

    EventSourceStats snapshot() {
        return new EventSourceStats(
                name, received.get(), invocations.get(), failedInvocations.get(), failedItems.get(), deleted.get());
    }
}
