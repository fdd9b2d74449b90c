package com.breachnotice.aws.sqs;

import com.breachnotice.aws.messages.MessageCodec;
import com.breachnotice.core.lookup.CodeQueue;
import com.breachnotice.core.lookup.CodeRequest;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@link CodeQueue} on SQS. The body carries the one-time code (the sender must deliver it); the
 * queue is encrypted and keeps messages fifteen minutes, and nothing here logs a body.
 */
public final class SqsCodeQueue implements CodeQueue {

    private final SqsBatchSender sender;

    public SqsCodeQueue(SqsClient sqs, String queueUrl) {
        this.sender = new SqsBatchSender(sqs, queueUrl);
    }

    @Override
    public void enqueue(CodeRequest request) {
        sender.send(List.of(MessageCodec.encode(request)));
    }
}
