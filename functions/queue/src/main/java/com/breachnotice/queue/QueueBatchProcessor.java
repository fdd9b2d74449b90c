package com.breachnotice.queue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.breachnotice.queue.PoisonQueue.PoisonMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sorts the records of an SQS batch into done, retry and poison, the same way for every queue
 * handler. A record whose body does not decode is poison: decoding is a pure function of the body, so
 * no retry can change its answer, and without this it would come back every visibility timeout
 * until {@code maxReceiveCount} (hours). It goes to the dead-letter queue at once ({@link
 * PoisonQueue}) and is reported done. A record whose work throws is retried (a batch item failure);
 * if the dead-letter queue refuses a poison message, that one is retried too, so nothing is lost.
 *
 * <p>Log lines carry the message id, the queue's name and an exception's class or a reason, never a
 * body: bodies name manifests, carry sealed contacts or a one-time code. While a record is worked
 * (one at a time), its message id is in the logging context ({@link LogCorrelation}), so the work's
 * own log lines carry it too.
 */
public final class QueueBatchProcessor {

    /** Longest reason kept in a log line or a dead letter's attribute. */
    static final int MAX_REASON = 256;

    private static final Logger LOG = LoggerFactory.getLogger(QueueBatchProcessor.class);

    private final String queue;
    private final PoisonQueue poisonQueue;
    private final @Nullable ParkingQueue parking;

    /**
     * @param queue a short name for log lines ({@code "plan"}, {@code "ingest"})
     * @param poisonQueue where poison goes: the dead-letter queue of the source queue
     */
    public QueueBatchProcessor(String queue, PoisonQueue poisonQueue) {
        this.queue = queue;
        this.poisonQueue = poisonQueue;
        this.parking = null;
    }

    /**
     * @param parking where a {@link RecordOutcome.Later later} record waits: without it, such a record
     *     is retried like a failure
     */
    public QueueBatchProcessor(String queue, PoisonQueue poisonQueue, ParkingQueue parking) {
        this.queue = queue;
        this.poisonQueue = poisonQueue;
        this.parking = parking;
    }

    /**
     * Decodes and works each record in turn.
     *
     * @param decoder the body's decoder; any exception it throws makes the record poison, and its
     *     message is logged and kept with the dead letter, so it must not repeat the body
     * @param work what to do with a decoded record; an exception means retry
     */
    public <T> SQSBatchResponse process(SQSEvent event, Function<String, T> decoder, Function<T, RecordOutcome> work) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : records(event)) {
            // The work's own log lines carry the record's message id.
            try (LogCorrelation ids = LogCorrelation.of(LogCorrelation.MESSAGE_ID, message.getMessageId())) {
                RecordOutcome outcome = switch (decode(message, decoder)) {
                    case Decoded.Undecodable<T> undecodable -> undecodable.poison();
                    case Decoded.Value<T> value -> work(message, work, value.value());
                };
                settle(message, outcome, failures);
            }
        }
        return new SQSBatchResponse(failures);
    }

    /**
     * Decodes every record, then works the decoded ones together (a sender that sends a batch's jobs
     * concurrently). {@code work} answers one outcome per value, in order; if it throws, or answers
     * another number, every decoded record is retried.
     */
    public <T> SQSBatchResponse processTogether(
            SQSEvent event, Function<String, T> decoder, Function<List<T>, List<RecordOutcome>> work) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        List<T> values = new ArrayList<>();
        for (SQSEvent.SQSMessage message : records(event)) {
            switch (decode(message, decoder)) {
                case Decoded.Value<T> value -> {
                    messages.add(message);
                    values.add(value.value());
                }
                case Decoded.Undecodable<T> undecodable -> settle(message, undecodable.poison(), failures);
            }
        }
        if (values.isEmpty()) {
            return new SQSBatchResponse(failures);
        }
        List<RecordOutcome> outcomes;
        try {
            outcomes = work.apply(List.copyOf(values));
            if (outcomes.size() != values.size()) {
                throw new IllegalStateException(outcomes.size() + " outcomes for " + values.size() + " records");
            }
        } catch (RuntimeException e) {
            LOG.error(
                    "queue batch failed: queue={} records={} error={} at={}",
                    queue,
                    values.size(),
                    causes(e),
                    origin(e));
            outcomes = Collections.nCopies(values.size(), RecordOutcome.retry());
        }
        for (int i = 0; i < messages.size(); i++) {
            settle(messages.get(i), outcomes.get(i), failures);
        }
        return new SQSBatchResponse(failures);
    }

    private <T> RecordOutcome work(SQSEvent.SQSMessage message, Function<T, RecordOutcome> work, T value) {
        try {
            return work.apply(value);
        } catch (RuntimeException e) {
            LOG.error(
                    "queue record failed: queue={} messageId={} error={} at={}",
                    queue,
                    message.getMessageId(),
                    causes(e),
                    origin(e));
            return RecordOutcome.retry();
        }
    }

    private static List<SQSEvent.SQSMessage> records(SQSEvent event) {
        return event.getRecords() == null ? List.of() : event.getRecords();
    }

    private <T> Decoded<T> decode(SQSEvent.SQSMessage message, Function<String, T> decoder) {
        try {
            return new Decoded.Value<>(decoder.apply(message.getBody()));
        } catch (RuntimeException e) {
            return new Decoded.Undecodable<>(new RecordOutcome.Poison(reason(e)));
        }
    }

    private void settle(
            SQSEvent.SQSMessage message, RecordOutcome outcome, List<SQSBatchResponse.BatchItemFailure> failures) {
        try (LogCorrelation ids = LogCorrelation.of(LogCorrelation.MESSAGE_ID, message.getMessageId())) {
            settleInScope(message, outcome, failures);
        }
    }

    private void settleInScope(
            SQSEvent.SQSMessage message, RecordOutcome outcome, List<SQSBatchResponse.BatchItemFailure> failures) {
        switch (outcome) {
            case RecordOutcome.Done done -> {}
            case RecordOutcome.Retry retry ->
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            case RecordOutcome.Later later -> park(message, later, failures);
            case RecordOutcome.Poison poison -> {
                String reason = truncate(poison.reason());
                try {
                    poisonQueue.put(new PoisonMessage(message.getMessageId(), message.getBody(), reason));
                    LOG.warn(
                            "poison message dead-lettered: queue={} messageId={} reason={}",
                            queue,
                            message.getMessageId(),
                            reason);
                } catch (RuntimeException e) {
                    LOG.error(
                            "poison message not dead-lettered, retried instead: queue={} messageId={} error={}",
                            queue,
                            message.getMessageId(),
                            e.getClass().getSimpleName());
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
        }
    }

    /**
     * A copy of the body goes back on the queue with a delay and the original is reported done:
     * the copy starts with no receives, where a failed (or only hidden) message would count one
     * receive per return and reach the dead-letter queue after {@code maxReceiveCount} returns. If
     * the copy cannot be sent the original is retried; if the original's deletion fails after the
     * copy went, two copies exist, and the job's claim keeps that to one send.
     */
    private void park(
            SQSEvent.SQSMessage message, RecordOutcome.Later later, List<SQSBatchResponse.BatchItemFailure> failures) {
        ParkingQueue target = parking;
        if (target == null) {
            failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            return;
        }
        try {
            target.park(message.getBody(), later.delay());
        } catch (RuntimeException e) {
            LOG.error(
                    "message not parked, retried instead: queue={} messageId={} error={}",
                    queue,
                    message.getMessageId(),
                    e.getClass().getSimpleName());
            failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
        }
    }

    /**
     * The classes of the exception and its causes ("SdkClientException<-ApiCallAttemptTimeoutException"):
     * enough to tell a timeout from a refused connection, and no message, which may quote data.
     */
    public static String causes(Throwable e) {
        StringBuilder chain = new StringBuilder(e.getClass().getSimpleName());
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && cause != e && depth < 5; depth++, cause = cause.getCause()) {
            chain.append("<-").append(cause.getClass().getSimpleName());
        }
        return chain.toString();
    }

    /** The innermost frame of this project's code the exception passed through, or "unknown". */
    public static String origin(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String type = frame.getClassName();
            String self = QueueBatchProcessor.class.getName();
            if (type.startsWith("com.breachnotice.") && !type.equals(self) && !type.startsWith(self + "$")) {
                return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethodName() + ":"
                        + frame.getLineNumber();
            }
        }
        return "unknown";
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static String truncate(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }

    /** A record's body, decoded or not. */
    private sealed interface Decoded<T> {
        record Value<T>(T value) implements Decoded<T> {}

        record Undecodable<T>(RecordOutcome.Poison poison) implements Decoded<T> {}
    }
}
