package com.breachnotice.aws.sqs;

import com.breachnotice.aws.messages.MessageCodec;
import com.breachnotice.core.planning.NoticeJob;
import com.breachnotice.core.planning.NoticeJobQueue;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link NoticeJobQueue} on SQS: bodies in the {@link MessageCodec} format, sent in batches of ten. */
public final class SqsNoticeJobQueue implements NoticeJobQueue {

    private final SqsBatchSender sender;

    public SqsNoticeJobQueue(SqsClient sqs, String queueUrl) {
        this.sender = new SqsBatchSender(sqs, queueUrl);
    }

    @Override
    public void enqueue(List<NoticeJob> noticeJobs) {
        sender.send(noticeJobs.stream().map(MessageCodec::encode).toList());
    }
}
