package com.breachnotice.cli.campaign;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.cli.Json;
import com.breachnotice.cli.stack.StackOutputs;
import com.breachnotice.core.campaign.Campaign;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Show a campaign's progress. --watch refreshes it every interval, with a progress bar, the send",
            "rate and an ETA, until the campaign is finished (or Ctrl-C)."
        })
public final class StatusCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    StackSource source = new StackSource();

    @Parameters(index = "0", paramLabel = "ID")
    String id = "";

    @Option(names = "--json", description = "print only JSON: one object, or one line per refresh with --watch")
    boolean json;

    @Option(
            names = "--watch",
            description = "refresh until the campaign is finished (planning complete, nothing pending)")
    boolean watch;

    @Option(
            names = "--interval",
            paramLabel = "S",
            defaultValue = "5",
            description = "seconds between refreshes with --watch, 1..3600 (default ${DEFAULT-VALUE})")
    int intervalSeconds = 5;

    StatusWatch.Pause pause = StatusWatch.Pause.SLEEP;
    Clock clock = Clock.systemUTC();
    StatusWatch.Bars bars = () -> Confirmation.atTerminal()
            ? StatusWatch.terminalBars(System.out)
            : StatusWatch.lineBars(spec.commandLine().getOut());

    @Override
    public Integer call() {
        source.check(spec);
        PrintWriter out = spec.commandLine().getOut();
        if (intervalSeconds < 1 || intervalSeconds > 3600) {
            spec.commandLine().getErr().println("refused: --interval is within 1..3600 seconds");
            return 1;
        }
        try (AwsClients aws = new AwsClients()) {
            StackOutputs outputs = source.read(aws);
            CampaignAdmin admin = CampaignAdmin.of(aws, outputs);
            Optional<Campaign> campaign = admin.find(id);
            if (campaign.isEmpty()) {
                spec.commandLine().getErr().println("no campaign " + id + " on " + outputs.source());
                return 1;
            }
            return show(() -> new CampaignStatus(campaign.get(), admin.service().progress(id)), out);
        } catch (StackOutputs.StackOutputsException e) {
            spec.commandLine().getErr().println("refused: " + e.getMessage());
            return 1;
        }
    }

    /** Prints one reading, or watches; the seam the terminal test drives with a fake source. */
    int show(StatusWatch.Source status, PrintWriter out) {
        if (!watch) {
            CampaignStatus now = status.read();
            if (json) {
                out.println(Json.line(now.json()));
            } else {
                now.print(out);
            }
            out.flush();
            return 0;
        }
        try {
            CampaignStatus last =
                    new StatusWatch(status, pause, clock, Duration.ofSeconds(intervalSeconds), out, json, bars).run();
            if (!json) {
                last.print(out);
            }
            out.flush();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
