package com.breachnotice.cli.campaign;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.messages.MalformedMessageException;
import com.breachnotice.aws.messages.MessageCodec;
import com.breachnotice.aws.sqs.SqsRedrive;
import com.breachnotice.cli.Json;
import com.breachnotice.cli.stack.StackOutputs;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "redrive",
        mixinStandardHelpOptions = true,
        description = "Move a campaign's notice jobs and plan tasks from the dead-letter queues back to"
                + " their queues (the job claims make a redriven job that was done send nothing). The queues"
                + " come from the stack's outputs; the URL options override them.")
public final class RedriveCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    StackSource source = new StackSource();

    @Parameters(index = "0", paramLabel = "ID")
    String id = "";

    @Option(names = "--notice-queue-url", description = "override of the output NoticeQueueUrl")
    @Nullable
    String noticeQueueUrl;

    @Option(names = "--notice-dlq-url", description = "override of the output NoticeDeadLetterQueueUrl")
    @Nullable
    String noticeDeadLetterQueueUrl;

    @Option(names = "--plan-queue-url", description = "override of the output PlanQueueUrl")
    @Nullable
    String planQueueUrl;

    @Option(names = "--plan-dlq-url", description = "override of the output PlanDeadLetterQueueUrl")
    @Nullable
    String planDeadLetterQueueUrl;

    @Option(names = "--max", defaultValue = "1000000", description = "most messages to look at per queue")
    int max = 1_000_000;

    @Option(names = "--json", description = "print only one JSON object: what was moved and left per queue")
    boolean json;

    @Override
    public Integer call() {
        boolean stackGiven = source.stack != null || source.outputs != null;
        if (stackGiven) {
            source.check(spec);
        } else if (noticeQueueUrl == null || noticeDeadLetterQueueUrl == null) {
            throw new ParameterException(
                    spec.commandLine(), "give --stack NAME (or --outputs FILE, or every queue URL option)");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (AwsClients aws = new AwsClients()) {
            @Nullable StackOutputs outputs = stackGiven ? source.read(aws) : null;
            String notices = pick(noticeQueueUrl, outputs, "NoticeQueueUrl");
            String noticeDeadLetters = pick(noticeDeadLetterQueueUrl, outputs, "NoticeDeadLetterQueueUrl");
            @Nullable String planQueue = outputs == null ? planQueueUrl : pick(planQueueUrl, outputs, "PlanQueueUrl");
            @Nullable
            String planDeadLetters = outputs == null
                    ? planDeadLetterQueueUrl
                    : pick(planDeadLetterQueueUrl, outputs, "PlanDeadLetterQueueUrl");
            SqsRedrive redrive = new SqsRedrive(aws.sqs());
            SqsRedrive.Drained moved = redrive.drain(noticeDeadLetters, notices, body -> campaignOf(body, true), max);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("campaign", id);
            result.put("notice_jobs", Map.of("moved", moved.moved(), "left", moved.left()));
            if (!json) {
                out.println("notice jobs moved back: " + moved.moved() + ", left (other campaigns): " + moved.left());
            }
            if (planQueue != null && planDeadLetters != null) {
                SqsRedrive.Drained plans =
                        redrive.drain(planDeadLetters, planQueue, body -> campaignOf(body, false), max);
                result.put("plan_tasks", Map.of("moved", plans.moved(), "left", plans.left()));
                if (!json) {
                    out.println("plan tasks moved back: " + plans.moved() + ", left: " + plans.left());
                }
            }
            if (json) {
                out.println(Json.line(result));
            }
            out.flush();
            return 0;
        } catch (StackOutputs.StackOutputsException e) {
            spec.commandLine().getErr().println("refused: " + e.getMessage());
            return 1;
        }
    }

    private static String pick(@Nullable String override, @Nullable StackOutputs outputs, String output) {
        if (override != null) {
            return override;
        }
        if (outputs == null) {
            throw new IllegalStateException("no " + output + " given");
        }
        return outputs.require(output);
    }

    private boolean campaignOf(String body, boolean noticeJob) {
        try {
            String campaign = noticeJob
                    ? MessageCodec.decodeNoticeJob(body).campaignId()
                    : MessageCodec.decodePlanTask(body).campaignId();
            return campaign.equals(id);
        } catch (MalformedMessageException e) {
            return false;
        }
    }
}
