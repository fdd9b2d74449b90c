package com.breachnotice.cli;

import java.util.concurrent.Callable;
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
        description = "Launch a campaign, follow it, re-send what failed (deployed stacks; not yet available).",
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

    @Command(name = "redrive", mixinStandardHelpOptions = true, description = "Re-send what failed or stalled.")
    static final class Redrive implements Callable<Integer> {
        @Spec
        @SuppressWarnings("NullAway.Init")
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID")
        String id = "";

        @Override
        public Integer call() {
            spec.commandLine().getErr().println(NOT_YET);
            return 1;
        }
    }
}
