package com.breachnotice.cli.campaign;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code campaign launch|status|redrive|pause|resume|cancel|recount} against a deployed stack, whose tables and queues come from
 * its outputs ({@code --stack NAME} through CloudFormation, or {@code --outputs FILE}). Exit status:
 * 0 done, 1 refused (invalid input, an id already taken, a missing output), 2 a usage error.
 */
@Command(
        name = "campaign",
        mixinStandardHelpOptions = true,
        description = "Preview and launch a campaign, follow it, pause, resume or cancel it, redrive its dead letters,"
                + " export its proof of notice, list its audit trail.",
        subcommands = {
            LaunchCommand.class,
            PreviewCommand.class,
            StatusCommand.class,
            RedriveCommand.class,
            PauseCommand.class,
            ResumeCommand.class,
            CancelCommand.class,
            RecountCommand.class,
            ExportCommand.class,
            AuditCommand.class
        })
public final class CampaignCommand implements Runnable {

    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
