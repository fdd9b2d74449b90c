package com.breachnotice.aws.sqs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Moves messages from a dead-letter queue back to its source queue: receive ten, send them on in one
 * batch, delete from the dead-letter queue only what the source accepted. A message the filter does
 * not take (another campaign's) is left where it is; it reappears after a short visibility timeout.
 * Redriving is safe for notice jobs: a job's claim makes a redriven job that was in fact done send
 * nothing.
 */
public final class SqsRedrive {

    /** Receives without a message before the queue counts as drained. */
    static final int EMPTY_RECEIVES = 2;

    private final SqsClient sqs;

    public SqsRedrive(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** What a drain moved and left. */
    public record Drained(int moved, int left) {}

    /**
     * Drains {@code deadLetterQueueUrl} into {@code sourceQueueUrl}, moving the bodies {@code take}
     * accepts; stops after {@code maxMessages} received or when the queue gives nothing twice.
     */
    public Drained drain(String deadLetterQueueUrl, String sourceQueueUrl, Predicate<String> take, int maxMessages) {
        int moved = 0;
        int left = 0;
        int received = 0;
        int empty = 0;
        while (empty < EMPTY_RECEIVES && received < maxMessages) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(deadLetterQueueUrl)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .visibilityTimeout((int) Duration.ofSeconds(30).toSeconds()))
                    .messages();
            if (batch.isEmpty()) {
                empty++;
                continue;
            }
            empty = 0;
            received += batch.size();
            List<Message> taken = new ArrayList<>();
            for (Message message : batch) {
                if (take.test(message.body())) {
                    taken.add(message);
                } else {
                    left++;
                }
            }
            if (taken.isEmpty()) {
                continue;
            }
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < taken.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .messageBody(taken.get(i).body())
                        .build());
            }
            SendMessageBatchResponse sent =
                    sqs.sendMessageBatch(b -> b.queueUrl(sourceQueueUrl).entries(entries));
            List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
            sent.successful().forEach(ok -> {
                Message message = taken.get(Integer.parseInt(ok.id()));
                deletes.add(DeleteMessageBatchRequestEntry.builder()
                        .id(ok.id())
                        .receiptHandle(message.receiptHandle())
                        .build());
            });
            if (!deletes.isEmpty()) {
                sqs.deleteMessageBatch(b -> b.queueUrl(deadLetterQueueUrl).entries(deletes));
            }
            moved += deletes.size();
            left += taken.size() - deletes.size();
        }
        return new Drained(moved, left);
    }
}
