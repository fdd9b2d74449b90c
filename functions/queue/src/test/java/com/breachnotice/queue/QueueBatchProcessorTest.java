package com.breachnotice.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.breachnotice.queue.PoisonQueue.PoisonMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class QueueBatchProcessorTest {

    private final List<PoisonMessage> deadLettered = new ArrayList<>();
    private final List<Integer> worked = new ArrayList<>();
    private final QueueBatchProcessor processor = new QueueBatchProcessor("test", deadLettered::add);

    /** Bodies are numbers; anything else does not decode. */
    private static final Function<String, Integer> DECODER = body -> {
        try {
            return Integer.valueOf(body);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number");
        }
    };

    private static SQSEvent event(String... bodies) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("m" + i);
            message.setBody(bodies[i]);
            records.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static List<String> failed(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    /** Even numbers are done, odd ones retried, 13 throws, negative ones are poison. */
    private RecordOutcome work(int value) {
        worked.add(value);
        if (value == 13) {
            throw new IllegalStateException("unlucky");
        }
        if (value < 0) {
            return RecordOutcome.poison("negative");
        }
        return value % 2 == 0 ? RecordOutcome.done() : RecordOutcome.retry();
    }

    @Test
    void process_sortsEachRecordIntoDoneRetryOrPoison() {
        SQSBatchResponse response = processor.process(event("2", "3", "x", "13", "-4"), DECODER, this::work);

        assertThat(failed(response)).containsExactly("m1", "m3");
        assertThat(worked).containsExactly(2, 3, 13, -4);
        assertThat(deadLettered)
                .containsExactly(
                        new PoisonMessage("m2", "x", "IllegalArgumentException: not a number"),
                        new PoisonMessage("m4", "-4", "negative"));
    }

    @Test
    void process_eachRecordsWork_runsWithItsMessageIdInTheLoggingContext_clearedAfter() {
        List<String> seen = new ArrayList<>();

        processor.process(event("2", "4"), DECODER, value -> {
            seen.add(MDC.get(LogCorrelation.MESSAGE_ID));
            return RecordOutcome.done();
        });

        assertThat(seen).containsExactly("m0", "m1");
        assertThat(MDC.get(LogCorrelation.MESSAGE_ID)).isNull();
    }

    @Test
    void process_deadLetterQueueRefuses_retriedInsteadOfLost() {
        QueueBatchProcessor refusing = new QueueBatchProcessor("test", message -> {
            throw new IllegalStateException("queue down");
        });

        SQSBatchResponse response = refusing.process(event("x", "2"), DECODER, this::work);

        assertThat(failed(response)).containsExactly("m0");
    }

    @Test
    void process_longReason_isCut() {
        processor.process(event("-1"), DECODER, value -> RecordOutcome.poison("r".repeat(1000)));

        assertThat(deadLettered.getFirst().reason()).hasSize(QueueBatchProcessor.MAX_REASON);
    }

    @Test
    void process_noRecords_noFailures() {
        assertThat(failed(processor.process(new SQSEvent(), DECODER, this::work)))
                .isEmpty();
    }

    @Test
    void processTogether_worksTheDecodedRecordsInOneCallInOrder() {
        List<List<Integer>> calls = new ArrayList<>();

        SQSBatchResponse response = processor.processTogether(event("2", "x", "3"), DECODER, values -> {
            calls.add(values);
            return values.stream().map(this::work).toList();
        });

        assertThat(calls).containsExactly(List.of(2, 3));
        assertThat(failed(response)).containsExactly("m2");
        assertThat(deadLettered).extracting(PoisonMessage::messageId).containsExactly("m1");
    }

    @Test
    void processTogether_workThrows_everyDecodedRecordRetried() {
        SQSBatchResponse response = processor.processTogether(event("2", "x", "4"), DECODER, values -> {
            throw new IllegalStateException("down");
        });

        assertThat(failed(response)).containsExactly("m0", "m2");
        assertThat(deadLettered).extracting(PoisonMessage::messageId).containsExactly("m1");
    }

    @Test
    void processTogether_wrongNumberOfOutcomes_everyDecodedRecordRetried() {
        SQSBatchResponse response =
                processor.processTogether(event("2", "4"), DECODER, values -> List.of(RecordOutcome.done()));

        assertThat(failed(response)).containsExactly("m0", "m1");
    }

    @Test
    void processTogether_onlyPoison_workNotCalled() {
        SQSBatchResponse response = processor.processTogether(event("x"), DECODER, values -> {
            throw new AssertionError("called");
        });

        assertThat(failed(response)).isEmpty();
        assertThat(deadLettered).hasSize(1);
    }

    @Test
    void processTogether_later_parkedWithItsDelayAndReportedDone() {
        List<String> parked = new ArrayList<>();
        QueueBatchProcessor parking = new QueueBatchProcessor(
                "test", deadLettered::add, (body, delay) -> parked.add(body + "@" + delay.toSeconds()));

        SQSBatchResponse response = parking.processTogether(
                event("2", "3", "5"),
                DECODER,
                values -> values.stream()
                        .map(v -> v == 5 ? RecordOutcome.later(java.time.Duration.ofSeconds(60)) : work(v))
                        .toList());

        assertThat(failed(response)).containsExactly("m1");
        assertThat(parked).containsExactly("5@60");
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void process_laterWithoutAParkingQueueOrWhenParkingFails_retriedInsteadOfLost() {
        QueueBatchProcessor failing = new QueueBatchProcessor("test", deadLettered::add, (body, delay) -> {
            throw new IllegalStateException("queue down");
        });

        assertThat(failed(processor.process(
                        event("7"), DECODER, v -> RecordOutcome.later(java.time.Duration.ofSeconds(60)))))
                .containsExactly("m0");
        assertThat(failed(failing.process(
                        event("7"), DECODER, v -> RecordOutcome.later(java.time.Duration.ofSeconds(60)))))
                .containsExactly("m0");
    }

    @Test
    void causes_nameEveryClassOfTheChain_neverTheMessages() {
        RuntimeException timeout = new IllegalStateException(
                "contact ada@example.com",
                new java.io.UncheckedIOException(new java.net.SocketTimeoutException("read")));

        String causes = QueueBatchProcessor.causes(timeout);

        assertThat(causes).isEqualTo("IllegalStateException<-UncheckedIOException<-SocketTimeoutException");
        assertThat(causes).doesNotContain("ada");
    }

    @Test
    void origin_isTheFrameOfOurCodeTheExceptionWasThrownFrom() {
        RuntimeException thrown;
        try {
            work(13);
            throw new AssertionError("work(13) throws");
        } catch (IllegalStateException e) {
            thrown = e;
        }

        assertThat(QueueBatchProcessor.origin(thrown)).startsWith("QueueBatchProcessorTest.work:");
        assertThat(QueueBatchProcessor.origin(new IllegalStateException() {
                    {
                        setStackTrace(new StackTraceElement[] {new StackTraceElement("java.util.X", "m", "X.java", 1)});
                    }
                }))
                .isEqualTo("unknown");
    }
}
