package com.breachnotice.planner;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.aws.messages.MessageCodec;
import com.breachnotice.core.planning.PlanTask;
import com.breachnotice.core.planning.PlannerService;
import com.breachnotice.queue.LogCorrelation;
import com.breachnotice.queue.QueueBatchProcessor;
import com.breachnotice.queue.RecordOutcome;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans the pages named by an SQS batch of plan tasks. A task that does not decode is dead-lettered
 * at once; one whose planning fails comes back through SQS.
 */
public final class PlanHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(PlanHandler.class);

    private final PlannerService planner;
    private final QueueBatchProcessor queue;

    public PlanHandler() {
        this(PlannerSettings.from(FunctionEnvironment.ofProcess()));
    }

    public PlanHandler(Map<String, String> environment) {
        this(PlannerSettings.from(new FunctionEnvironment(environment)));
    }

    private PlanHandler(PlannerSettings settings) {
        this(PlannerWiring.plannerService(settings), PlannerWiring.queueProcessor(settings));
    }

    PlanHandler(PlannerService planner, QueueBatchProcessor queue) {
        this.planner = planner;
        this.queue = queue;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        try (LogCorrelation ids = LogCorrelation.ofRequest(context)) {
            return queue.process(event, MessageCodec::decodePlanTask, this::plan);
        }
    }

    private RecordOutcome plan(PlanTask task) {
        try (LogCorrelation ids = LogCorrelation.of(LogCorrelation.CAMPAIGN_ID, task.campaignId())) {
            PlannerService.Outcome outcome = planner.plan(task);
            LOG.info(
                    "plan page: campaign={} segment={}/{} page={} outcome={}",
                    task.campaignId(),
                    task.segment(),
                    task.totalSegments(),
                    task.page(),
                    outcome);
            return RecordOutcome.done();
        }
    }
}
