package com.breachnotice.bench.scale;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

/** SQS queues and the Lambda functions their event source mappings invoke. */
final class Lambda {

    private Lambda() {}

    /** A message in a queue: its body, when it is visible, its size as SQS bills it. */
    static final class Message<T> implements Comparable<Message<T>> {
        final T body;
        final int bytes;
        long visibleAt;
        int receives;
        private final long order;

        Message(T body, int bytes, long visibleAt, long order) {
            this.body = body;
            this.bytes = bytes;
            this.visibleAt = visibleAt;
            this.order = order;
        }

        @Override
        public int compareTo(Message<T> other) {
            int byTime = Long.compare(visibleAt, other.visibleAt);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    /** {@code maxReceiveCount} of every queue's redrive policy in template.yaml. */
    static final int MAX_RECEIVES = 5;

    /** A standard queue: batches of 10 on send, billed per 64 KB of payload. */
    static final class Queue<T> {
        final String name;
        private final Aws aws;
        private final VirtualTime time;
        private final PriorityQueue<Message<T>> messages = new PriorityQueue<>();
        private final Set<Thread> waiting = new HashSet<>();
        private int inFlight;
        private long order;
        private long firstSend = -1;
        final AtomicLong sent = new AtomicLong();
        final AtomicLong returned = new AtomicLong();
        final AtomicLong deadLettered = new AtomicLong();
        /** Messages parked (sent again with a delay, the original deleted), as QueueBatchProcessor parks them. */
        final AtomicLong parked = new AtomicLong();

        long largestBatchBytes;

        Queue(String name, Aws aws, VirtualTime time) {
            this.name = name;
            this.aws = aws;
            this.time = time;
        }

        /** SendMessageBatch per 10 bodies, as SqsBatchSender sends them. */
        void send(List<T> bodies, ToIntFunction<T> size) {
            for (int from = 0; from < bodies.size(); from += 10) {
                List<T> batch = bodies.subList(from, Math.min(bodies.size(), from + 10));
                int[] bytes = new int[batch.size()];
                long total = 0;
                for (int i = 0; i < batch.size(); i++) {
                    bytes[i] = size.applyAsInt(batch.get(i));
                    total += bytes[i];
                }
                aws.call("Sqs:SendMessageBatch", aws.sqs);
                // SQS bills each 64 KB chunk of a request's payload as one request.
                aws.meter.count("SQS:billed", Math.max(1, (total + 65_535) / 65_536) - 1);
                long at = time.now();
                List<Thread> wake;
                synchronized (this) {
                    largestBatchBytes = Math.max(largestBatchBytes, total);
                    if (firstSend < 0) {
                        firstSend = at;
                    }
                    for (int i = 0; i < batch.size(); i++) {
                        messages.add(new Message<>(batch.get(i), bytes[i], at, order++));
                    }
                    wake = new ArrayList<>(waiting);
                }
                sent.addAndGet(batch.size());
                for (Thread thread : wake) {
                    time.wake(thread, at);
                }
            }
        }

        /** Up to {@code max} visible messages, now in flight. */
        synchronized List<Message<T>> receive(long now, int max) {
            List<Message<T>> batch = new ArrayList<>();
            while (batch.size() < max && !messages.isEmpty() && messages.peek().visibleAt <= now) {
                Message<T> message = messages.poll();
                message.receives++;
                batch.add(message);
            }
            inFlight += batch.size();
            return batch;
        }

        synchronized void done(Message<T> message) {
            inFlight--;
        }

        /** Back after the visibility timeout (a failed batch item, or an invocation that timed out). */
        synchronized void again(Message<T> message, long visibleAt) {
            inFlight--;
            if (message.receives >= MAX_RECEIVES) {
                // The redrive policy of template.yaml: the fifth failed receive goes to the dead-letter queue.
                deadLettered.incrementAndGet();
                return;
            }
            message.visibleAt = visibleAt;
            messages.add(message);
            returned.incrementAndGet();
        }

        /**
         * Parked: sent again, visible at {@code visibleAt}, the original deleted. A new message, so
         * its receives start again from none (RecordOutcome.Later).
         */
        synchronized void park(Message<T> message, long visibleAt) {
            inFlight--;
            message.receives = 0;
            message.visibleAt = visibleAt;
            messages.add(message);
            parked.incrementAndGet();
        }

        synchronized boolean idle() {
            return messages.isEmpty() && inFlight == 0;
        }

        /** When the next message becomes visible, or {@code Long.MAX_VALUE}. */
        synchronized long nextVisible() {
            return messages.isEmpty() ? Long.MAX_VALUE : messages.peek().visibleAt;
        }

        synchronized long firstSend() {
            return firstSend;
        }

        synchronized void waitFor(Thread thread) {
            waiting.add(thread);
        }

        void stopWaiting(Thread thread) {
            synchronized (this) {
                waiting.remove(thread);
            }
            time.clearWake(thread);
        }

        synchronized List<Thread> waiters() {
            return new ArrayList<>(waiting);
        }
    }

    /** A message is done: deleted. */
    static final long DONE = 0;

    /** A message failed (a batch item failure): back after the visibility timeout. */
    static final long RETRY = -1;

    /**
     * What one invocation makes of its batch, per message: {@link #DONE}, {@link #RETRY}, or a
     * positive number of nanoseconds to park it for.
     */
    interface Handler<T> {
        List<Long> handle(List<T> bodies);
    }

    static List<Long> outcomes(List<Boolean> done) {
        return done.stream().map(d -> d ? DONE : RETRY).toList();
    }

    /** Builds one function instance's handler (its own service, clients and caches, as a container). */
    interface Instance<T> {
        Handler<T> start();
    }

    /**
     * One function behind an SQS event source mapping: up to {@code maxConcurrency} instances, each a
     * worker thread on the virtual clock; the mapping starts at 5 concurrent batches and adds up to
     * 300 a minute while messages wait (Lambda's documented SQS scaling).
     */
    static final class Function<T> {
        final String name;
        final Queue<T> queue;
        final int maxConcurrency;
        final int batchSize;
        final long timeoutNanos;
        final long visibilityNanos;
        final int memoryMb;
        private final long coldStartNanos;
        private final VirtualTime time;
        private final Aws aws;
        private final Instance<T> instance;
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean stopped;
        final AtomicLong invocations = new AtomicLong();
        final AtomicLong timeouts = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        /** The last exception an invocation failed with, as "Class: message". */
        final java.util.concurrent.atomic.AtomicReference<String> lastError =
                new java.util.concurrent.atomic.AtomicReference<>("none");

        final AtomicLong billedNanos = new AtomicLong();
        final AtomicLong cpuNanos = new AtomicLong();
        final AtomicLong instances = new AtomicLong();
        final AtomicLong busy = new AtomicLong();
        final AtomicLong peakBusy = new AtomicLong();

        Function(
                String name,
                Queue<T> queue,
                int maxConcurrency,
                int batchSize,
                long timeoutNanos,
                long visibilityNanos,
                int memoryMb,
                long coldStartNanos,
                VirtualTime time,
                Aws aws,
                Instance<T> instance) {
            this.name = name;
            this.queue = queue;
            this.maxConcurrency = maxConcurrency;
            this.batchSize = batchSize;
            this.timeoutNanos = timeoutNanos;
            this.visibilityNanos = visibilityNanos;
            this.memoryMb = memoryMb;
            this.coldStartNanos = coldStartNanos;
            this.time = time;
            this.aws = aws;
            this.instance = instance;
        }

        void start() {
            for (int i = 0; i < maxConcurrency; i++) {
                int index = i;
                Thread thread =
                        Thread.ofPlatform().name(name + "-" + i).daemon(true).unstarted(() -> run(index));
                time.register();
                threads.add(thread);
                thread.start();
            }
        }

        /** Stops every worker between invocations and waits until all have left the clock. */
        void stop() {
            stopped = true;
            for (Thread thread : threads) {
                time.wake(thread, time.sharedNow());
            }
        }

        void join() throws InterruptedException {
            for (Thread thread : threads) {
                thread.join();
            }
        }

        /** When the mapping lets worker {@code index} poll: 5 at once, then 300 more per minute. */
        private long allowedAt(int index) {
            long first = queue.firstSend();
            if (first < 0) {
                return Long.MAX_VALUE;
            }
            if (index < 5) {
                return first;
            }
            return first + (long) Math.ceil((index - 4) * 60e9 / 300);
        }

        private void run(int index) {
            Thread self = Thread.currentThread();
            try {
                while (!stopped) {
                    long now = time.sharedNow();
                    long allowed = allowedAt(index);
                    if (allowed > now) {
                        queue.waitFor(self);
                        time.sleepUntil(allowed == Long.MAX_VALUE ? now + 60_000_000_000L : allowed);
                        queue.stopWaiting(self);
                        continue;
                    }
                    List<Message<T>> batch = queue.receive(now, batchSize);
                    if (batch.isEmpty()) {
                        queue.waitFor(self);
                        long next = queue.nextVisible();
                        // A long poll of 20 s; a send wakes the waiting workers at once.
                        time.sleepUntil(
                                Math.min(next == Long.MAX_VALUE ? Long.MAX_VALUE : next, now + 20_000_000_000L));
                        queue.stopWaiting(self);
                        // An idle mapping keeps about five pollers long-polling; the model's other idle
                        // workers stand for capacity it would not poll with.
                        if (index < 5 && queue.nextVisible() > time.sharedNow()) {
                            aws.meter.count("Sqs:ReceiveMessage(empty)", 1);
                        }
                        continue;
                    }
                    aws.meter.count("Sqs:ReceiveMessage", 1);
                    invoke(batch);
                }
            } finally {
                time.deregister();
            }
        }

        private final ThreadLocal<Handler<T>> handlers = new ThreadLocal<>();

        private void invoke(List<Message<T>> batch) {
            long start = time.sharedNow();
            long busyNow = busy.incrementAndGet();
            peakBusy.accumulateAndGet(busyNow, Math::max);
            long cpuBefore = time.cpuCharged();
            List<Long> done = new ArrayList<>();
            try {
                time.invocation(start + timeoutNanos);
                Handler<T> handler = handlers.get();
                if (handler == null) {
                    instances.incrementAndGet();
                    time.spend(coldStartNanos);
                    handler = instance.start();
                    handlers.set(handler);
                }
                done = handler.handle(batch.stream().map(m -> m.body).toList());
                time.chargeCpu();
            } catch (VirtualTime.InvocationTimeout e) {
                timeouts.incrementAndGet();
                done = List.of();
            } catch (RuntimeException e) {
                if (errors.incrementAndGet() == 1) {
                    System.out.printf("  %s: first failed invocation: %s%n", name, e);
                }
                lastError.set(e.getClass().getSimpleName() + ": " + e.getMessage());
                done = List.of();
            } finally {
                time.invocationOver();
                time.sync();
                busy.decrementAndGet();
            }
            long end = time.sharedNow();
            invocations.incrementAndGet();
            billedNanos.addAndGet(Math.min(timeoutNanos, end - start));
            cpuNanos.addAndGet(time.cpuCharged() - cpuBefore);
            boolean anyDone = false;
            for (int i = 0; i < batch.size(); i++) {
                Message<T> message = batch.get(i);
                long outcome = i < done.size() ? done.get(i) : RETRY;
                if (outcome == DONE) {
                    queue.done(message);
                    anyDone = true;
                } else if (outcome > 0) {
                    // QueueBatchProcessor parks it: SendMessage with a delay, then the original deleted.
                    aws.meter.count("Sqs:SendMessage(park)", 1);
                    queue.park(message, end + outcome);
                    anyDone = true;
                } else {
                    queue.again(message, end + visibilityNanos);
                }
            }
            if (anyDone) {
                aws.meter.count("Sqs:DeleteMessageBatch", 1);
            }
        }
    }
}
