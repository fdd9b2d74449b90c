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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the notice jobs of an SQS batch, concurrently. A job with deliveries left to retry
 * (throttled, transient fault, lease held elsewhere) or that failed unexpectedly is reported as a
 * batch item failure so SQS brings it back; what was sent is already recorded and is skipped on
 * the retry.
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
        List<SQSEvent.SQSMessage> decoded = new ArrayList<>();
        List<NoticeJob> jobs = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                jobs.add(MessageCodec.decodeNoticeJob(message.getBody()));
                decoded.add(message);
            } catch (RuntimeException e) {
                // Malformed: it will never decode; SQS moves it to the dead-letter queue after
                // its receives, where an operator can look at it.
                LOG.error(
                        "notice job undecodable: messageId={} error={}",
                        message.getMessageId(),
                        e.getClass().getSimpleName());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        // The jobs of the batch are sent concurrently, each in its turn of the shared schedule.
        List<Optional<SenderService.JobOutcome>> outcomes = sender.sendAll(jobs);
        for (int i = 0; i < jobs.size(); i++) {
            NoticeJob job = jobs.get(i);
            String messageId = decoded.get(i).getMessageId();
            Optional<SenderService.JobOutcome> outcome = outcomes.get(i);
            if (outcome.isEmpty()) {
                LOG.error("notice job failed: messageId={} campaign={}", messageId, job.campaignId());
                failures.add(new SQSBatchResponse.BatchItemFailure(messageId));
                continue;
            }
            SenderService.JobOutcome o = outcome.get();
            LOG.info(
                    "notice job: campaign={} channel={} sent={} failed={} skipped={} retry={}",
                    job.campaignId(),
                    job.channel().code(),
                    o.sent(),
                    o.failed(),
                    o.skipped(),
                    o.retryLater());
            if (!o.complete()) {
                failures.add(new SQSBatchResponse.BatchItemFailure(messageId));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
