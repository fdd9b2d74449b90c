package com.breachnotice.aws.sqs;

import com.breachnotice.aws.BatchRetry;
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
 * some of its entries fail; those entries are sent again through the one {@link BatchRetry} policy,
 * and if any is still refused it throws {@link com.breachnotice.aws.BatchIncompleteException}: a
 * message is never dropped. Entries the queue refuses as the sender's fault (too large, invalid) are
 * not retried: {@link QueueSendException} at once.
 */
final class SqsBatchSender {

    static final int MAX_BATCH = 10;

    private static final Logger LOG = LoggerFactory.getLogger(SqsBatchSender.class);

    private final SqsClient sqs;
    private final String queueUrl;
    private final BatchRetry retry;

    SqsBatchSender(SqsClient sqs, String queueUrl, BatchRetry retry) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.retry = retry;
    }

    SqsBatchSender(SqsClient sqs, String queueUrl) {
        this(sqs, queueUrl, BatchRetry.standard());
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
        retry.untilDone("SendMessageBatch to " + queueUrl, pending, this::attempt, Map::size);
    }

    /** Sends what is pending and answers what the queue did not take. */
    private Map<String, String> attempt(Map<String, String> pending) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(pending.size());
        pending.forEach((id, body) -> entries.add(
                SendMessageBatchRequestEntry.builder().id(id).messageBody(body).build()));
        SendMessageBatchResponse response =
                sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        Map<String, String> left = new LinkedHashMap<>(pending);
        response.successful().forEach(ok -> left.remove(ok.id()));
        TreeSet<String> codes = new TreeSet<>();
        for (BatchResultErrorEntry failed : response.failed()) {
            codes.add(failed.code());
            if (Boolean.TRUE.equals(failed.senderFault())) {
                throw new QueueSendException(
                        "the queue refused a message as invalid (" + failed.code() + "): " + queueUrl);
            }
        }
        if (!left.isEmpty()) {
            LOG.warn("{} of {} messages not accepted by {} ({})", left.size(), pending.size(), queueUrl, codes);
        }
        return left;
    }
}
