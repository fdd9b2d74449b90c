package com.breachnotice.cli;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.messages.MalformedMessageException;
import com.breachnotice.aws.messages.MessageCodec;
import com.breachnotice.aws.sqs.SqsRedrive;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code campaign launch|status|redrive} against a deployed stack. The foundation runs campaigns
 * through {@code demo}; these commands are declared so that their options are settled, and say so.
 */
@Command(
        name = "campaign",
        mixinStandardHelpOptions = true,
        description = "Launch a campaign, follow it (not yet available), redrive its dead letters.",
        subcommands = {CampaignCommand.Launch.class, CampaignCommand.Status.class, CampaignCommand.Redrive.class})
final class CampaignCommand implements Runnable {

    static final String NOT_YET = "not yet available: run the whole flow locally with 'breach-notice demo'";

    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "launch", mixinStandardHelpOptions = true, description = "Launch a campaign.")
    static final class Launch implements Callable<Integer> {
        @Spec
        @SuppressWarnings("NullAway.Init")
        CommandSpec spec;

        @Option(names = "--id", required = true, description = "campaign id: lower-case letters, digits, dashes")
        String id = "";

        @Option(names = "--title", required = true, description = "title shown to operators")
        String title = "";

        @Option(
                names = "--policy",
                defaultValue = "email-first",
                description = "email-first, both, email-only or sms-only (default ${DEFAULT-VALUE})")
        String policy = "email-first";

        @Option(names = "--segments", defaultValue = "4", description = "parallel scan segments")
        int segments = 4;

        @Override
        public Integer call() {
            spec.commandLine().getErr().println(NOT_YET);
            return 1;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show a campaign's progress.")
    static final class Status implements Callable<Integer> {
        @Spec
        @SuppressWarnings("NullAway.Init")
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID")
        String id = "";

        @Option(names = "--json", description = "end with one JSON line")
        boolean json;

        @Override
        public Integer call() {
            spec.commandLine().getErr().println(NOT_YET);
            return 1;
        }
    }

    @Command(
            name = "redrive",
            mixinStandardHelpOptions = true,
            description = "Move a campaign's notice jobs and plan tasks from the dead-letter queues back to"
                    + " their queues (the job claims make a redriven job that was done send nothing).")
    static final class Redrive implements Callable<Integer> {
        @Spec
        @SuppressWarnings("NullAway.Init")
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID")
        String id = "";

        @Option(
                names = "--notice-queue-url",
                required = true,
                description = "the stack's notice queue (output NoticeQueueUrl)")
        String noticeQueueUrl = "";

        @Option(names = "--notice-dlq-url", required = true, description = "its dead-letter queue")
        String noticeDeadLetterQueueUrl = "";

        @Option(names = "--plan-queue-url", description = "the stack's plan queue")
        @Nullable
        String planQueueUrl;

        @Option(names = "--plan-dlq-url", description = "its dead-letter queue")
        @Nullable
        String planDeadLetterQueueUrl;

        @Option(names = "--max", defaultValue = "1000000", description = "most messages to look at per queue")
        int max = 1_000_000;

        @Override
        public Integer call() {
            try (AwsClients aws = new AwsClients()) {
                SqsRedrive redrive = new SqsRedrive(aws.sqs());
                SqsRedrive.Drained notices =
                        redrive.drain(noticeDeadLetterQueueUrl, noticeQueueUrl, body -> campaignOf(body, true), max);
                spec.commandLine()
                        .getOut()
                        .println("notice jobs moved back: " + notices.moved() + ", left (other campaigns): "
                                + notices.left());
                String planQueue = planQueueUrl;
                String planDeadLetters = planDeadLetterQueueUrl;
                if (planQueue != null && planDeadLetters != null) {
                    SqsRedrive.Drained plans =
                            redrive.drain(planDeadLetters, planQueue, body -> campaignOf(body, false), max);
                    spec.commandLine()
                            .getOut()
                            .println("plan tasks moved back: " + plans.moved() + ", left: " + plans.left());
                }
                return 0;
            }
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
}
