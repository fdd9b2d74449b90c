package com.breachnotice.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * Long-polls one queue with {@code concurrency} threads, hands each batch to a {@link QueueBatchHandler}
 * and deletes what it reports as done. It never changes a message's visibility: what is not deleted
 * reappears after the queue's own visibility timeout, and the queue's redrive policy moves it to the
 * dead-letter queue after {@code maxReceiveCount}, as with Lambda's event source mapping.
 */
final class SqsPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsPoller.class);
    private static final int MAX_MESSAGES_PER_RECEIVE = 10;

    private final String name;
    private final SqsClient sqs;
    private final String queueUrl;
    private final int batchSize;
    private final int concurrency;
    private final Duration waitTime;
    private final QueueBatchHandler handler;
    private final EventSourceCounters counters;
    private final double duplicateDeliveries;
    private final AtomicLong duplicated = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /**
     * @param batchSize the most messages per batch; above 10, several receives fill one batch
     * @param waitTime the long-poll wait of each receive (whole seconds, at most 20); it bounds how long
     *     {@link #stop()} takes when idle
     * @param duplicateDeliveries share of received messages also handed to a second, concurrent
     *     invocation (fault injection: SQS delivers at least once)
     */
    SqsPoller(
            String name,
            SqsClient sqs,
            String queueUrl,
            int batchSize,
            int concurrency,
            Duration waitTime,
            QueueBatchHandler handler,
            EventSourceCounters counters,
            double duplicateDeliveries) {
        if (batchSize < 1 || concurrency < 1) {
            throw new IllegalArgumentException("batchSize and concurrency must be at least 1");
        }
        this.name = name;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.batchSize = batchSize;
        this.concurrency = concurrency;
        this.waitTime = waitTime;
        this.handler = handler;
        this.counters = counters;
        this.duplicateDeliveries = duplicateDeliveries;
    }

    synchronized void start() {
        if (running || stopped.getCount() == 0) {
            throw new IllegalStateException("poller " + name + " already started");
        }
        running = true;
        for (int i = 0; i < concurrency; i++) {
            Thread thread = new Thread(this::run, "poll-" + name + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /**
     * Stops polling and waits for the threads to finish the batch in hand: about one long-poll wait when
     * idle. A handler still running after that is interrupted.
     */
    void stop() {
        running = false;
        stopped.countDown();
        List<Thread> toJoin;
        synchronized (this) {
            toJoin = List.copyOf(threads);
        }
        long deadline = System.nanoTime() + waitTime.plusSeconds(5).toNanos();
        for (Thread thread : toJoin) {
            try {
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                if (thread.isAlive()) {
                    LOG.warn("{} did not stop in time, interrupting it", thread.getName());
                    thread.interrupt();
                    thread.join(Duration.ofSeconds(2));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    EventSourceStats stats() {
        return counters.snapshot();
    }

    private void run() {
        while (running) {
            try {
                List<Message> batch = receiveBatch();
                if (batch.isEmpty()) {
                    continue;
                }
                counters.received(batch.size());
                List<Message> duplicates = duplicatesOf(batch);
                Thread twin =
                        duplicates.isEmpty() ? null : Thread.ofVirtual().start(() -> handleDuplicates(duplicates));
                List<Message> done = handler.handle(batch);
                if (twin != null) {
                    twin.join();
                }
                delete(done);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SdkException e) {
                if (!running) {
                    return;
                }
                LOG.warn("{}: polling {} failed, retrying in 1 s: {}", name, queueUrl, e.toString());
                awaitStop(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                LOG.error("{}: unexpected failure, messages left for redelivery", name, e);
                awaitStop(Duration.ofSeconds(1));
            }
        }
    }

    /** How many messages were handed twice (fault injection). */
    long duplicated() {
        return duplicated.get();
    }

    private List<Message> duplicatesOf(List<Message> batch) {
        if (duplicateDeliveries <= 0) {
            return List.of();
        }
        List<Message> duplicates = new ArrayList<>();
        for (Message message : batch) {
            if (ThreadLocalRandom.current().nextDouble() < duplicateDeliveries) {
                duplicates.add(message);
            }
        }
        duplicated.addAndGet(duplicates.size());
        return duplicates;
    }

    private void handleDuplicates(List<Message> duplicates) {
        try {
            // What the twin reports done is deleted by the original's batch, or comes back.
            handler.handle(duplicates);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("{}: duplicate delivery failed: {}", name, e.toString());
        }
    }

    private List<Message> receiveBatch() {
        List<Message> batch = new ArrayList<>(receive(Math.min(batchSize, MAX_MESSAGES_PER_RECEIVE), waitTime));
        while (!batch.isEmpty() && batch.size() < batchSize && running) {
            List<Message> more = receive(Math.min(batchSize - batch.size(), MAX_MESSAGES_PER_RECEIVE), Duration.ZERO);
            if (more.isEmpty()) {
                break;
            }
            batch.addAll(more);
        }
        return batch;
    }

    private List<Message> receive(int maxMessages, Duration wait) {
        return sqs.receiveMessage(ReceiveMessageRequest.builder()
                        .queueUrl(queueUrl)
                        .maxNumberOfMessages(maxMessages)
                        .waitTimeSeconds((int) Math.min(20, wait.toSeconds()))
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All")
                        .build())
                .messages();
    }

    private void delete(List<Message> done) {
        for (int from = 0; from < done.size(); from += MAX_MESSAGES_PER_RECEIVE) {
            List<Message> chunk = done.subList(from, Math.min(done.size(), from + MAX_MESSAGES_PER_RECEIVE));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle())
                        .build());
            }
            DeleteMessageBatchResponse response =
                    sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            counters.deleted(response.successful().size());
            for (BatchResultErrorEntry failed : response.failed()) {
                LOG.warn("{}: delete failed ({}), the message will be redelivered", name, failed.code());
            }
        }
    }

    private void awaitStop(Duration timeout) {
        try {
            stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
