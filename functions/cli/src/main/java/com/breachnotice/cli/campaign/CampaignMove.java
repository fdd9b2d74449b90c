package com.breachnotice.cli.campaign;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.cli.stack.StackOutputs;
import com.breachnotice.core.campaign.CampaignState;
import com.breachnotice.core.campaign.LifecycleService;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What {@code campaign pause|resume|cancel} share: ask STS who is calling, make the move, say what
 * happened. Exit 0 moved, 1 refused (an illegal move, an unknown campaign, an unknown caller).
 */
final class CampaignMove {

    private CampaignMove() {}

    static int run(CommandSpec spec, StackSource source, String id, CampaignState to, String reason) {
        source.check(spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (AwsClients aws = new AwsClients()) {
            StackOutputs outputs = source.read(aws);
            String caller;
            try {
                caller = aws.sts().getCallerIdentity().arn();
            } catch (SdkException e) {
                err.println("refused: cannot tell who is calling (STS GetCallerIdentity failed: "
                        + e.getClass().getSimpleName() + "); nothing was changed");
                return 1;
            }
            CampaignAdmin admin = CampaignAdmin.of(aws, outputs);
            return switch (admin.lifecycle().move(id, to, caller, reason)) {
                case LifecycleService.Outcome.Moved moved -> {
                    out.printf(
                            "campaign %s %s -> %s at %s by %s%s%n",
                            id,
                            moved.change().from().code(),
                            moved.change().to().code(),
                            moved.change().at(),
                            caller,
                            reason.isEmpty() ? "" : ": " + reason);
                    out.println(after(to));
                    CampaignAudit.of(aws, outputs)
                            .record(
                                    id,
                                    "campaign." + verb(to),
                                    Map.of(
                                            "from", moved.change().from().code(),
                                            "to", moved.change().to().code(),
                                            "reason", reason));
                    out.flush();
                    yield 0;
                }
                case LifecycleService.Outcome.Refused refused -> {
                    err.println("refused: " + refused.message() + " (campaign " + id + " is "
                            + refused.current().code() + "); nothing was changed");
                    yield 1;
                }
                case LifecycleService.Outcome.UnknownCampaign unknown -> {
                    err.println("refused: no campaign " + id + " on " + outputs.source());
                    yield 1;
                }
                case LifecycleService.Outcome.Contended contended -> {
                    err.println("refused: campaign " + id + " kept changing under this command; look at "
                            + "`campaign status` and try again");
                    yield 1;
                }
            };
        } catch (StackOutputs.StackOutputsException e) {
            err.println("refused: " + e.getMessage());
            return 1;
        }
    }

    private static String verb(CampaignState to) {
        return switch (to) {
            case PAUSED -> "pause";
            case ACTIVE -> "resume";
            case CANCELLED -> "cancel";
            case DONE -> "done";
        };
    }

    private static String after(CampaignState to) {
        return switch (to) {
            case PAUSED -> "senders hold its jobs within seconds; nothing is lost, `campaign resume` goes on";
            case ACTIVE -> "senders take its jobs up again within a minute";
            case CANCELLED -> "its unsent deliveries end `cancelled` as senders meet its jobs";
            case DONE -> "";
        };
    }
}
