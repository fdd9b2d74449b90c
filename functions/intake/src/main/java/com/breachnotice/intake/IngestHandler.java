package com.breachnotice.intake;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.aws.messages.MessageCodec;
import com.breachnotice.core.intake.IngestTask;
import com.breachnotice.core.intake.IntakeService;
import com.breachnotice.queue.LogCorrelation;
import com.breachnotice.queue.QueueBatchProcessor;
import com.breachnotice.queue.RecordOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the manifest ranges of an SQS batch; a range that fails comes back through SQS, a task that
 * does not decode is dead-lettered at once.
 */
public final class IngestHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);

    private final IntakeService intake;
    private final QueueBatchProcessor queue;

    public IngestHandler() {
        this(IntakeSettings.from(FunctionEnvironment.ofProcess()));
    }

    public IngestHandler(Map<String, String> environment) {
        this(IntakeSettings.from(new FunctionEnvironment(environment)));
    }

    private IngestHandler(IntakeSettings settings) {
        this(IntakeWiring.intakeService(settings), IntakeWiring.queueProcessor(settings));
    }

    IngestHandler(IntakeService intake, QueueBatchProcessor queue) {
        this.intake = intake;
        this.queue = queue;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        try (LogCorrelation ids = LogCorrelation.ofRequest(context)) {
            return queue.process(event, MessageCodec::decodeIngestTask, this::ingest);
        }
    }

    private RecordOutcome ingest(IngestTask task) {
        try (LogCorrelation ids = LogCorrelation.of(LogCorrelation.MANIFEST_ID, task.manifestId())) {
            return ingestInScope(task);
        }
    }

    private RecordOutcome ingestInScope(IngestTask task) {
        switch (load(task)) {
            case IntakeService.Outcome.Loaded loaded -> {
                LOG.info(
                        "manifest range read: id={} range={}/{} rows={} accepted={} rejected={} (before cross-range checks)",
                        task.manifestId(),
                        task.range(),
                        task.ranges(),
                        loaded.range().read().rows(),
                        loaded.range().read().accepted(),
                        loaded.range().read().rejected());
                loaded.manifest()
                        .ifPresent(finished -> LOG.info(
                                "manifest loaded: id={} rows={} accepted={} rejected={} subjects={}",
                                task.manifestId(),
                                finished.summary().rows(),
                                finished.summary().accepted(),
                                finished.summary().rejected(),
                                finished.summary().subjects()));
            }
            case IntakeService.Outcome.Refused refused ->
                LOG.warn("manifest refused: id={} reason={}", task.manifestId(), refused.reason());
        }
        return RecordOutcome.done();
    }

    /** A failed read of the manifest is worth another try: unchecked, so the processor retries it. */
    private IntakeService.Outcome load(IngestTask task) {
        try {
            return intake.ingest(task);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
