package com.breachnotice.aws.sqs;

import com.breachnotice.aws.messages.MessageCodec;
import com.breachnotice.core.lookup.CodeQueue;
import com.breachnotice.core.lookup.CodeRequest;
import com.breachnotice.core.lookup.CodeSeal;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@link CodeQueue} on SQS. The body carries the one-time code sealed (AES-GCM under the key ring's
 * code-seal key), so neither this queue nor its dead-letter queue holds a code in plain text; the
 * queue is encrypted too, keeps messages fifteen minutes, and nothing here logs a body.
 */
public final class SqsCodeQueue implements CodeQueue {

    private final SqsBatchSender sender;
    private final CodeSeal seal;

    public SqsCodeQueue(SqsClient sqs, String queueUrl, CodeSeal seal) {
        this.sender = new SqsBatchSender(sqs, queueUrl);
        this.seal = seal;
    }

    @Override
    public void enqueue(CodeRequest request) {
        sender.send(List.of(MessageCodec.encode(request, seal)));
    }
}
