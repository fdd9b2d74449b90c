package com.breachnotice.aws.sqs;

import com.breachnotice.aws.messages.MessageCodec;
import com.breachnotice.core.intake.IngestQueue;
import com.breachnotice.core.intake.IngestTask;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link IngestQueue} on SQS: bodies in the {@link MessageCodec} format, sent in batches of ten. */
public final class SqsIngestQueue implements IngestQueue {

    private final SqsBatchSender sender;

    public SqsIngestQueue(SqsClient sqs, String queueUrl) {
        this.sender = new SqsBatchSender(sqs, queueUrl);
    }

    @Override
    public void enqueue(List<IngestTask> ingestTasks) {
        sender.send(ingestTasks.stream().map(MessageCodec::encode).toList());
    }
}
