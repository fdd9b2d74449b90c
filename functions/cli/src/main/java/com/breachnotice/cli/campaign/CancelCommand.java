package com.breachnotice.cli.campaign;

import com.breachnotice.core.campaign.CampaignState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "cancel",
        mixinStandardHelpOptions = true,
        description = "Cancel a campaign: what is not sent yet ends cancelled.")
public final class CancelCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    StackSource source = new StackSource();

    @Parameters(index = "0", paramLabel = "ID")
    String id = "";

    @Option(names = "--reason", paramLabel = "TEXT", description = "why, kept with the change (no personal data)")
    String reason = "cancelled by the operator";

    @Override
    public Integer call() {
        return CampaignMove.run(spec, source, id, CampaignState.CANCELLED, reason);
    }
}
