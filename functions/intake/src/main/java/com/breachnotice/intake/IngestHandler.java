package com.breachnotice.intake;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.aws.messages.MessageCodec;
import com.breachnotice.core.intake.IngestTask;
import com.breachnotice.core.intake.IntakeService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the manifest ranges of an SQS batch; a range that fails comes back through SQS. */
public final class IngestHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);

    private final IntakeService intake;

    public IngestHandler() {
        this(IntakeWiring.intakeService(FunctionEnvironment.ofProcess()));
    }

    public IngestHandler(Map<String, String> environment) {
        this(IntakeWiring.intakeService(new FunctionEnvironment(environment)));
    }

    IngestHandler(IntakeService intake) {
        this.intake = intake;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                IngestTask task = MessageCodec.decodeIngestTask(message.getBody());
                switch (intake.ingest(task)) {
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
            } catch (Exception e) {
                // Never the message body in a log line: it names a manifest, and errors may quote rows.
                LOG.error(
                        "ingest failed: messageId={} error={}",
                        message.getMessageId(),
                        e.getClass().getSimpleName());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
