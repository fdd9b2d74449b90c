package com.breachnotice.cli.campaign;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.cli.Json;
import com.breachnotice.cli.stack.StackOutputs;
import com.breachnotice.core.campaign.Campaign;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true, description = "Show a campaign's progress.")
public final class StatusCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    StackSource source = new StackSource();

    @Parameters(index = "0", paramLabel = "ID")
    String id = "";

    @Option(names = "--json", description = "end with one JSON line")
    boolean json;

    @Override
    public Integer call() {
        source.check(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (AwsClients aws = new AwsClients()) {
            StackOutputs outputs = source.read(aws);
            CampaignAdmin admin = CampaignAdmin.of(aws, outputs);
            Optional<Campaign> campaign = admin.find(id);
            if (campaign.isEmpty()) {
                spec.commandLine().getErr().println("no campaign " + id + " on " + outputs.source());
                return 1;
            }
            CampaignStatus status =
                    new CampaignStatus(campaign.get(), admin.service().progress(id));
            status.print(out);
            if (json) {
                out.println(Json.line(status.json()));
            }
            out.flush();
            return 0;
        } catch (StackOutputs.StackOutputsException e) {
            spec.commandLine().getErr().println("refused: " + e.getMessage());
            return 1;
        }
    }
}
