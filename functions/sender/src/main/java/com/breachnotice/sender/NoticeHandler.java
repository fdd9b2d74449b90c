package com.breachnotice.sender;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.aws.messages.MessageCodec;
import com.breachnotice.core.planning.NoticeJob;
import com.breachnotice.core.sending.SenderService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the notice jobs of an SQS batch. A job with deliveries left to retry (throttled, transient
 * fault, lease held elsewhere) is reported as a batch item failure so SQS brings it back; what was
 * sent is already settled and is skipped on the retry.
 */
public final class NoticeHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeHandler.class);

    private final SenderService sender;

    public NoticeHandler() {
        this(SenderWiring.senderService(FunctionEnvironment.ofProcess()));
    }

    public NoticeHandler(Map<String, String> environment) {
        this(SenderWiring.senderService(new FunctionEnvironment(environment)));
    }

    NoticeHandler(SenderService sender) {
        this.sender = sender;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                NoticeJob job = MessageCodec.decodeNoticeJob(message.getBody());
                SenderService.JobOutcome outcome = sender.send(job);
                LOG.info(
                        "notice job: campaign={} channel={} sent={} failed={} skipped={} retry={}",
                        job.campaignId(),
                        job.channel().code(),
                        outcome.sent(),
                        outcome.failed(),
                        outcome.skipped(),
                        outcome.retryLater());
                if (!outcome.complete()) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            } catch (Exception e) {
                LOG.error(
                        "notice job failed: messageId={} error={}",
                        message.getMessageId(),
                        e.getClass().getSimpleName());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
