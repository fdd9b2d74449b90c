package com.breachnotice.sender;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.aws.messages.MessageCodec;
import com.breachnotice.aws.metrics.EmfMetrics;
import com.breachnotice.core.metrics.Metrics;
import com.breachnotice.core.planning.NoticeJob;
import com.breachnotice.core.sending.SenderService;
import com.breachnotice.queue.LogCorrelation;
import com.breachnotice.queue.QueueBatchProcessor;
import com.breachnotice.queue.RecordOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the notice jobs of an SQS batch, concurrently. A job of a paused campaign is parked for
 * {@link #HELD_DELAY} (see {@link RecordOutcome.Later}), a job whose turn was too far ahead for
 * about the time until that turn. A job with deliveries left to retry
 * (throttled, transient fault, lease held elsewhere) or that failed unexpectedly is reported as a
 * batch item failure so SQS brings it back; what was sent is already recorded and is skipped on
 * the retry. A body that does not decode is dead-lettered at once.
 */
public final class NoticeHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeHandler.class);

    /**
     * How long a paused campaign's job waits before it looks at the campaign again: its message is
     * parked (sent again with this delay, the original deleted), so a pause of hours spends no
     * receives. A minute bounds how late a job starts again after {@code resume}, and costs one
     * SQS send per held job a minute.
     */
    static final Duration HELD_DELAY = Duration.ofSeconds(60);

    /**
     * Kept free at the end of an invocation, after the last provider call's own deadline, for the
     * records and the batch response: a function stopped at its timeout (the local runtime showed
     * it under load at 120 s) would leave sent notices unrecorded, and their takeover would send them again.
     */
    static final Duration RECORD_RESERVE = Duration.ofSeconds(10);

    private final SenderService sender;
    private final QueueBatchProcessor queue;
    private final Metrics metrics;

    public NoticeHandler() {
        this(SenderSettings.from(FunctionEnvironment.ofProcess()));
    }

    public NoticeHandler(Map<String, String> environment) {
        this(SenderSettings.from(new FunctionEnvironment(environment)));
    }

    private NoticeHandler(SenderSettings settings) {
        this(
                SenderWiring.senderService(settings),
                SenderWiring.noticeQueueProcessor(settings),
                EmfMetrics.noticeSender());
    }

    NoticeHandler(SenderService sender, QueueBatchProcessor queue, Metrics metrics) {
        this.sender = sender;
        this.queue = queue;
        this.metrics = metrics;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        // The jobs of the batch are sent concurrently, each in its turn of the shared schedule.
        try (LogCorrelation ids = LogCorrelation.ofRequest(context)) {
            Instant stopBy = stopBy(context);
            return queue.processTogether(event, MessageCodec::decodeNoticeJob, jobs -> sendAll(jobs, stopBy));
        }
    }

    /**
     * When the batch's provider calls must have ended: Lambda's deadline for this invocation, less
     * {@link #RECORD_RESERVE}. No deadline without a context (tests that call the handler directly).
     */
    static Instant stopBy(@Nullable Context context) {
        if (context == null) {
            return Instant.MAX;
        }
        return Instant.now().plusMillis(context.getRemainingTimeInMillis()).minus(RECORD_RESERVE);
    }

    private List<RecordOutcome> sendAll(List<NoticeJob> jobs, Instant stopBy) {
        List<SenderService.JobResult> outcomes = sender.sendAll(jobs, stopBy);
        List<RecordOutcome> results = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            NoticeJob job = jobs.get(i);
            SenderService.JobOutcome o;
            switch (outcomes.get(i)) {
                case SenderService.JobResult.Crashed crashed -> {
                    logCrash(job, crashed.failure());
                    results.add(RecordOutcome.retry());
                    continue;
                }
                case SenderService.JobResult.Done done -> o = done.outcome();
            }
            // Per channel, for the dashboard and for a throttling or failure wave's alarm.
            String channel = job.channel().code();
            metrics.count("NoticesSent", "channel", channel, o.sent());
            metrics.count("NoticesFailed", "channel", channel, o.failed());
            if (!o.held() && !o.parked()) {
                // A paused or parked job waits on purpose, and comes back every minute while it does.
                metrics.count("NoticesRetried", "channel", channel, o.retryLater());
            }
            try (LogCorrelation ids = LogCorrelation.of(LogCorrelation.CAMPAIGN_ID, job.campaignId())) {
                LOG.info(
                        "notice job: campaign={} channel={} sent={} failed={} skipped={} retry={}",
                        job.campaignId(),
                        job.channel().code(),
                        o.sent(),
                        o.failed(),
                        o.skipped(),
                        o.retryLater());
            }
            if (o.held()) {
                results.add(RecordOutcome.later(HELD_DELAY));
                continue;
            }
            if (o.parked()) {
                // Its turn was too far ahead to wait for: back about when it would have come.
                results.add(RecordOutcome.later(o.comeBackIn()));
                continue;
            }
            results.add(o.complete() ? RecordOutcome.done() : RecordOutcome.retry());
        }
        return results;
    }

    /** Why a job ended without an outcome: the class chain and our frame, never a message (it may quote data). */
    private static void logCrash(NoticeJob job, Throwable failure) {
        try (LogCorrelation ids = LogCorrelation.of(LogCorrelation.CAMPAIGN_ID, job.campaignId())) {
            LOG.error(
                    "notice job failed: campaign={} error={} at={}",
                    job.campaignId(),
                    QueueBatchProcessor.causes(failure),
                    QueueBatchProcessor.origin(failure));
        }
    }
}
