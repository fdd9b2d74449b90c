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
        name = "pause",
        mixinStandardHelpOptions = true,
        description = "Pause a campaign: its jobs wait, nothing is lost.")
public final class PauseCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    StackSource source = new StackSource();

    @Parameters(index = "0", paramLabel = "ID")
    String id = "";

    @Option(names = "--reason", paramLabel = "TEXT", description = "why, kept with the change (no personal data)")
    String reason = "";

    @Override
    public Integer call() {
        return CampaignMove.run(spec, source, id, CampaignState.PAUSED, reason);
    }
}
