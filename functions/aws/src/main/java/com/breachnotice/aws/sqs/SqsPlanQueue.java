package com.breachnotice.aws.sqs;

import com.breachnotice.aws.messages.MessageCodec;
import com.breachnotice.core.planning.PlanQueue;
import com.breachnotice.core.planning.PlanTask;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link PlanQueue} on SQS: bodies in the {@link MessageCodec} format, sent in batches of ten. */
public final class SqsPlanQueue implements PlanQueue {

    private final SqsBatchSender sender;

    public SqsPlanQueue(SqsClient sqs, String queueUrl) {
        this.sender = new SqsBatchSender(sqs, queueUrl);
    }

    @Override
    public void enqueue(List<PlanTask> planTasks) {
        sender.send(planTasks.stream().map(MessageCodec::encode).toList());
    }
}
