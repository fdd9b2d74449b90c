package com.breachnotice.aws.sqs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends message bodies with {@code SendMessageBatch}, ten per call. A batch call can succeed while
 * some of its entries fail; those entries are sent again (a bounded number of times, with
 * exponential backoff) and if any is still refused the call throws: a message is never dropped.
 * Entries the queue refuses as the sender's fault (too large, invalid) are not retried.
 */
final class SqsBatchSender {

    static final int MAX_BATCH = 10;
    static final int MAX_ATTEMPTS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(SqsBatchSender.class);

    private final SqsClient sqs;
    private final String queueUrl;
    private final Duration baseBackoff;

    SqsBatchSender(SqsClient sqs, String queueUrl, Duration baseBackoff) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.baseBackoff = baseBackoff;
    }

    SqsBatchSender(SqsClient sqs, String queueUrl) {
        this(sqs, queueUrl, Duration.ofMillis(100));
    }

    void send(List<String> bodies) {
        for (int from = 0; from < bodies.size(); from += MAX_BATCH) {
            sendChunk(bodies.subList(from, Math.min(bodies.size(), from + MAX_BATCH)));
        }
    }

    private void sendChunk(List<String> chunk) {
        Map<String, String> pending = new LinkedHashMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            pending.put(Integer.toString(i), chunk.get(i));
        }
        TreeSet<String> lastCodes = new TreeSet<>();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS && !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                backoff(attempt);
            }
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>(pending.size());
            pending.forEach((id, body) -> entries.add(SendMessageBatchRequestEntry.builder()
                    .id(id)
                    .messageBody(body)
                    .build()));
            SendMessageBatchResponse response =
                    sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            response.successful().forEach(ok -> pending.remove(ok.id()));
            lastCodes.clear();
            for (BatchResultErrorEntry failed : response.failed()) {
                lastCodes.add(failed.code());
                if (Boolean.TRUE.equals(failed.senderFault())) {
                    throw new QueueSendException(
                            "the queue refused a message as invalid (" + failed.code() + "): " + queueUrl);
                }
            }
            if (!pending.isEmpty()) {
                LOG.warn(
                        "{} of {} messages not accepted by {} on attempt {} ({})",
                        pending.size(),
                        chunk.size(),
                        queueUrl,
                        attempt,
                        lastCodes);
            }
        }
        if (!pending.isEmpty()) {
            throw new QueueSendException(pending.size() + " of " + chunk.size() + " messages not accepted by "
                    + queueUrl + " after " + MAX_ATTEMPTS + " attempts " + lastCodes);
        }
    }

    private void backoff(int attempt) {
        long millis = baseBackoff.toMillis() << (attempt - 2);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueSendException("interrupted while resending to " + queueUrl);
        }
    }
}
