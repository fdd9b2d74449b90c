package com.breachnotice.planner;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.aws.messages.MessageCodec;
import com.breachnotice.core.planning.PlanTask;
import com.breachnotice.core.planning.PlannerService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Plans the pages named by an SQS batch of plan tasks. */
public final class PlanHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(PlanHandler.class);

    private final PlannerService planner;

    public PlanHandler() {
        this(PlannerWiring.plannerService(FunctionEnvironment.ofProcess()));
    }

    public PlanHandler(Map<String, String> environment) {
        this(PlannerWiring.plannerService(new FunctionEnvironment(environment)));
    }

    PlanHandler(PlannerService planner) {
        this.planner = planner;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                PlanTask task = MessageCodec.decodePlanTask(message.getBody());
                PlannerService.Outcome outcome = planner.plan(task);
                LOG.info(
                        "plan page: campaign={} segment={}/{} page={} outcome={}",
                        task.campaignId(),
                        task.segment(),
                        task.totalSegments(),
                        task.page(),
                        outcome);
            } catch (Exception e) {
                LOG.error(
                        "plan failed: messageId={} error={}",
                        message.getMessageId(),
                        e.getClass().getSimpleName());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
