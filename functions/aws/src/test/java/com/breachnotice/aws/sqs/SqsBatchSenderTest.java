package com.breachnotice.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.breachnotice.aws.BatchIncompleteException;
import com.breachnotice.aws.BatchRetry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

class SqsBatchSenderTest {

    /** An SqsClient that answers SendMessageBatch from a script and records every request. */
    static final class ScriptedSqs implements SqsClient {
        final List<SendMessageBatchRequest> requests = new ArrayList<>();
        final Deque<Function<SendMessageBatchRequest, SendMessageBatchResponse>> script = new ArrayDeque<>();

        @Override
        public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
            requests.add(request);
            return script.isEmpty() ? acceptAll(request) : script.poll().apply(request);
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {}
    }

    static SendMessageBatchResponse acceptAll(SendMessageBatchRequest request) {
        return answer(request, Set.of(), false);
    }

    static SendMessageBatchResponse answer(SendMessageBatchRequest request, Set<String> failIds, boolean senderFault) {
        SendMessageBatchResponse.Builder response = SendMessageBatchResponse.builder();
        List<SendMessageBatchResultEntry> ok = new ArrayList<>();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        for (SendMessageBatchRequestEntry entry : request.entries()) {
            if (failIds.contains(entry.id())) {
                failed.add(BatchResultErrorEntry.builder()
                        .id(entry.id())
                        .code(senderFault ? "InvalidMessageContents" : "InternalError")
                        .senderFault(senderFault)
                        .build());
            } else {
                ok.add(SendMessageBatchResultEntry.builder()
                        .id(entry.id())
                        .messageId("m-" + entry.id())
                        .build());
            }
        }
        return response.successful(ok).failed(failed).build();
    }

    private static final BatchRetry RETRY = new BatchRetry(
            4, software.amazon.awssdk.retries.api.BackoffStrategy.fixedDelay(Duration.ofMillis(5)), delay -> {});

    private final ScriptedSqs sqs = new ScriptedSqs();
    private final SqsBatchSender sender = new SqsBatchSender(sqs, "https://queue", RETRY);

    private static List<String> bodies(int n) {
        return IntStream.range(0, n).mapToObj(i -> "body-" + i).toList();
    }

    @Test
    void send_chunksIntoBatchesOfTen() {
        sender.send(bodies(23));

        assertThat(sqs.requests).extracting(r -> r.entries().size()).containsExactly(10, 10, 3);
        assertThat(sqs.requests).allSatisfy(r -> assertThat(r.queueUrl()).isEqualTo("https://queue"));
        assertThat(sqs.requests.stream()
                        .flatMap(r -> r.entries().stream())
                        .map(SendMessageBatchRequestEntry::messageBody))
                .containsExactlyElementsOf(bodies(23));
    }

    @Test
    void send_partialFailure_resendsOnlyTheFailedEntries() {
        sqs.script.add(r -> answer(r, Set.of("2", "7"), false));

        sender.send(bodies(10));

        assertThat(sqs.requests).hasSize(2);
        assertThat(sqs.requests.get(1).entries())
                .extracting(SendMessageBatchRequestEntry::messageBody)
                .containsExactly("body-2", "body-7");
    }

    @Test
    void send_failingEveryAttempt_throwsNeverDrops() {
        for (int i = 0; i < RETRY.maxAttempts(); i++) {
            sqs.script.add(r -> answer(r, Set.of("0"), false));
        }

        assertThatThrownBy(() -> sender.send(bodies(3)))
                .isInstanceOf(BatchIncompleteException.class)
                .hasMessageContaining("SendMessageBatch to https://queue: 1 left undone after 4 attempts");
        assertThat(sqs.requests).hasSize(RETRY.maxAttempts());
    }

    @Test
    void send_senderFault_isNotRetried() {
        sqs.script.add(r -> answer(r, Set.of("1"), true));

        assertThatThrownBy(() -> sender.send(bodies(2)))
                .isInstanceOf(QueueSendException.class)
                .hasMessageContaining("InvalidMessageContents");
        assertThat(sqs.requests).hasSize(1);
    }
}
