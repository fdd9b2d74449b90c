package com.breachnotice.bench.scale;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The model's clock. Waits that only model AWS (a request's latency, a backoff, a wait for a send
 * turn) take no real time; the CPU work of the services is real, measured, and charged to the
 * virtual clock scaled to a Lambda instance's share of a core.
 *
 * <p>Every thread that runs the services is a lockstep thread: the simulated Lambda workers (one
 * platform thread each), the driver, and the sender's task threads ({@link LockstepThreads}). A
 * thread that waits sleeps until the virtual time reaches its wake time; the clock moves on only
 * when every registered thread sleeps (or waits for a task of the clock), to the earliest wake
 * time. So all of them share one time line and the throughput limits see their requests in time
 * order.
 */
final class VirtualTime {

    /** The virtual epoch: what the services' clocks read at virtual time zero. */
    static final Instant EPOCH = Instant.parse("2026-12-01T00:00:00Z");

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<Sleeper> sleepers = new PriorityQueue<>();
    private final java.util.Map<Thread, Sleeper> byThread = new java.util.HashMap<>();
    private final java.util.Map<Thread, Long> earlyWakes = new java.util.HashMap<>();
    private volatile long now;
    private int running;
    private long sequence;
    private final double cpuFactor;

    /** CPU charged to the calling thread so far (virtual nanos). */
    private final ThreadLocal<long[]> charged = ThreadLocal.withInitial(() -> new long[] {0});

    /** Thread CPU time at the last charge, per lockstep thread. */
    private final ThreadLocal<long[]> cpuMark = ThreadLocal.withInitial(() -> new long[] {-1});

    /** The end of the current invocation of a worker thread (virtual nanos), or none. */
    private final ThreadLocal<long[]> deadline = ThreadLocal.withInitial(() -> new long[] {Long.MAX_VALUE});

    /**
     * How far a lockstep thread may run ahead of the shared time before it sleeps: its requests
     * are decided at its own time (within this much of the others'), and the clock takes one step
     * per quantum instead of one per request, which keeps a busy machine's thread switches few.
     */
    private final long quantum;

    /** Modelled time a lockstep thread has spent but not yet slept. */
    private final ThreadLocal<long[]> ahead = ThreadLocal.withInitial(() -> new long[] {0});

    VirtualTime(double cpuFactor, long quantumNanos) {
        this.cpuFactor = cpuFactor;
        this.quantum = quantumNanos;
    }

    /** Thrown into a worker whose invocation outlived its function's timeout, as Lambda ends it. */
    static final class InvocationTimeout extends Error {
        private static final long serialVersionUID = 1L;

        InvocationTimeout() {
            super("the invocation outlived its timeout", null, false, false);
        }
    }

    private static final class Sleeper implements Comparable<Sleeper> {
        long wake;
        final long order;
        final Thread thread;
        volatile boolean woken;

        Sleeper(long wake, long order, Thread thread) {
            this.wake = wake;
            this.order = order;
            this.thread = thread;
        }

        @Override
        public int compareTo(Sleeper other) {
            int byWake = Long.compare(wake, other.wake);
            return byWake != 0 ? byWake : Long.compare(order, other.order);
        }
    }

    /** Counts a worker thread in before it starts, so that the clock waits for it. */
    void register() {
        lock.lock();
        try {
            running++;
        } finally {
            lock.unlock();
        }
    }

    /** A worker thread leaves for good. */
    void deregister() {
        lock.lock();
        try {
            running--;
            advanceIfAllSleep();
        } finally {
            lock.unlock();
        }
    }

    /** The calling thread's virtual time, nanoseconds since {@link #EPOCH}. */
    long now() {
        return now + ahead.get()[0];
    }

    /** The shared (lockstep) time, whatever the calling thread's mode. */
    long sharedNow() {
        return now;
    }

    Instant instant(long nanos) {
        return EPOCH.plusNanos(nanos);
    }

    long nanos(Instant at) {
        return (at.getEpochSecond() - EPOCH.getEpochSecond()) * 1_000_000_000L + at.getNano() - EPOCH.getNano();
    }

    /** A clock that reads the calling thread's virtual time. */
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return VirtualTime.this.instant(now());
            }
        };
    }

    /**
     * Spends {@code nanos} of modelled time (latency, backoff, a wait for a turn), after charging
     * the CPU the calling thread used since its last charge: the thread runs ahead of the shared
     * time, and sleeps once it is a quantum ahead.
     */
    void spend(long nanos) {
        long[] lag = ahead.get();
        lag[0] += Math.max(0, nanos) + takeCpu();
        if (lag[0] >= quantum) {
            sync();
        }
        if (now + lag[0] > deadline.get()[0]) {
            throw new InvocationTimeout();
        }
    }

    /** Sleeps off what the calling lockstep thread has run ahead, CPU included. */
    void sync() {
        long[] lag = ahead.get();
        lag[0] += takeCpu();
        long wake = now + lag[0];
        lag[0] = 0;
        sleepUntil(wake);
    }

    /** Charges the CPU used so far and catches up with it (at the end of an invocation). */
    void chargeCpu() {
        sync();
    }

    /**
     * Forgets the CPU the calling thread used since its last charge: the model's own work (its
     * fakes, its bookkeeping) is not the services' and is not charged.
     */
    void discardCpu() {
        cpuMark.get()[0] = THREADS.getCurrentThreadCpuTime();
    }

    private long takeCpu() {
        long[] mark = cpuMark.get();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long used = mark[0] < 0 ? 0 : cpu - mark[0];
        mark[0] = cpu;
        long scaled = Math.round(used * cpuFactor);
        charged.get()[0] += scaled;
        return scaled;
    }

    /** CPU charged to the calling thread so far, in virtual nanos. */
    long cpuCharged() {
        return charged.get()[0];
    }

    /** Adds CPU measured elsewhere (a sender invocation's threads) to the calling thread's account. */
    void addCharged(long nanos) {
        charged.get()[0] += nanos;
    }

    /**
     * Wakes a sleeping lockstep thread at {@code at} if that is earlier than its wake time (a message
     * arrived for a worker waiting on its queue). A thread about to sleep wakes at once.
     */
    void wake(Thread thread, long at) {
        lock.lock();
        try {
            Sleeper sleeper = byThread.get(thread);
            if (sleeper == null) {
                earlyWakes.merge(thread, at, Math::min);
                return;
            }
            if (at < sleeper.wake) {
                sleepers.remove(sleeper);
                sleeper.wake = Math.max(at, now);
                sleepers.add(sleeper);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Forgets an early wake meant for a wait the thread no longer makes. */
    void clearWake(Thread thread) {
        lock.lock();
        try {
            earlyWakes.remove(thread);
        } finally {
            lock.unlock();
        }
    }

    /** Starts an invocation of a lockstep worker that Lambda would end at {@code until}. */
    void invocation(long until) {
        deadline.get()[0] = until;
        discardCpu();
    }

    void invocationOver() {
        deadline.get()[0] = Long.MAX_VALUE;
    }

    /** Lockstep threads blocked (in real time) until a task ends, by the task. */
    private final java.util.Map<Object, List<Thread>> joiners = new java.util.HashMap<>();

    /**
     * Counts in a lockstep thread that the calling one is about to start for a task, after the
     * caller has slept off what it ran ahead, so that the task starts at the caller's time.
     */
    void startTask() {
        sync();
        register();
    }

    /**
     * The calling task thread ends (after it slept off what it ran ahead, before its result was
     * set: a waiting thread then runs on in real time, and the clock must not move meanwhile): it
     * leaves the clock, and the threads waiting for {@code task} count as running again in the same
     * step.
     */
    void endTask(Object task) {
        lock.lock();
        try {
            List<Thread> waiting = joiners.remove(task);
            if (waiting != null) {
                running += waiting.size();
            }
            running--;
            advanceIfAllSleep();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The calling lockstep thread is about to block in real time until {@code task} ends (a
     * {@code Future.get}): it stops counting as running, so the clock can move the task on.
     * Returns at once if the task is over ({@code over} is asked under the clock's lock, the same
     * lock {@link #endTask} takes after the task is done).
     */
    void awaitTask(Object task, java.util.function.BooleanSupplier over) {
        sync();
        lock.lock();
        try {
            if (over.getAsBoolean()) {
                return;
            }
            joiners.computeIfAbsent(task, t -> new ArrayList<>()).add(Thread.currentThread());
            running--;
            advanceIfAllSleep();
        } finally {
            lock.unlock();
        }
    }

    /** Sleeps the calling lockstep thread until virtual time {@code wake}. */
    void sleepUntil(long wakeAt) {
        long[] lag = ahead.get();
        long wake = Math.max(wakeAt, now + lag[0]);
        lag[0] = 0;
        Sleeper sleeper;
        lock.lock();
        try {
            Long early = earlyWakes.remove(Thread.currentThread());
            long until = early == null ? wake : Math.min(wake, early);
            if (until <= now) {
                return;
            }
            sleeper = new Sleeper(until, sequence++, Thread.currentThread());
            sleepers.add(sleeper);
            byThread.put(sleeper.thread, sleeper);
            running--;
            advanceIfAllSleep();
        } finally {
            lock.unlock();
        }
        while (!sleeper.woken) {
            LockSupport.park(this);
        }
        discardCpu();
    }

    private void advanceIfAllSleep() {
        if (running > 0 || sleepers.isEmpty()) {
            return;
        }
        long wake = sleepers.peek().wake;
        now = Math.max(now, wake);
        while (!sleepers.isEmpty() && sleepers.peek().wake == wake) {
            Sleeper next = sleepers.poll();
            byThread.remove(next.thread);
            running++;
            next.woken = true;
            LockSupport.unpark(next.thread);
        }
    }
}
