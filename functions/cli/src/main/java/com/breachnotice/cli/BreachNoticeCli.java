package com.breachnotice.cli;

import com.breachnotice.cli.campaign.CampaignCommand;
import com.breachnotice.cli.demo.DemoCommand;
import com.breachnotice.cli.manifest.ManifestCommand;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The operator CLI. Exit status: 0 done, 1 failed, 2 a usage or file-level error. Messages for the
 * operator are printed (it is a terminal program); the functions and the local runtime log through
 * slf4j to Log4j 2: during {@code demo} as the functions do on Lambda, one JSON object a line, to a
 * file under {@code .demo/logs/}; for every other command at WARN on standard error, one readable
 * line each ({@code log4j2-cli.xml}).
 */
@Command(
        name = "breach-notice",
        mixinStandardHelpOptions = true,
        version = "breach-notice 0.1.0",
        description = "Notify everyone affected by a personal-data breach, and prove it.",
        subcommands = {
            DemoCommand.class,
            ManifestCommand.class,
            CampaignCommand.class,
            IncidentCommand.class,
            NoticeCommand.class
        })
public final class BreachNoticeCli implements Runnable {

    /** Where the functions' log4j2.xml writes its JSON lines instead of standard output. */
    static final String LOG_FILE_PROPERTY = "breachnotice.log.file";

    static final String LOG_LEVEL_PROPERTY = "breachnotice.log.level";
    /** Log4j's own property naming its configuration; set before the first logger is made. */
    static final String LOG_CONFIGURATION_PROPERTY = "log4j2.configurationFile";

    static final String TERMINAL_LOG_CONFIGURATION = "log4j2-cli.xml";

    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    public static void main(String[] args) {
        PrintWriter err = utf8(FileDescriptor.err);
        if (args.length > 0 && args[0].equals("demo")) {
            logToDemoFile(err);
        } else if (System.getProperty(LOG_CONFIGURATION_PROPERTY) == null) {
            System.setProperty(LOG_CONFIGURATION_PROPERTY, TERMINAL_LOG_CONFIGURATION);
        }
        System.exit(commandLine(utf8(FileDescriptor.out), err).execute(args));
    }

    /** The command line with its output streams; tests pass their own. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new BreachNoticeCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("failed: " + e.getMessage());
            cmd.getErr().flush();
            return CommandLine.ExitCode.SOFTWARE;
        });
        return commandLine;
    }

    private static PrintWriter utf8(FileDescriptor descriptor) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(descriptor), StandardCharsets.UTF_8), true);
    }

    /**
     * The demo's handler and runtime logs go to a file, so that the progress line stays readable: the
     * functions' own configuration writes the JSON lines it writes on Lambda to the file instead.
     */
    private static void logToDemoFile(PrintWriter err) {
        if (System.getProperty(LOG_FILE_PROPERTY) != null) {
            return;
        }
        try {
            Path logs = Path.of(System.getProperty(UserPaths.HOME_PROPERTY, ""))
                    .toAbsolutePath()
                    .resolve(".demo/logs");
            Files.createDirectories(logs);
            String name =
                    "demo-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now());
            Path file = logs.resolve(name + ".log");
            System.setProperty(LOG_FILE_PROPERTY, file.toString());
            System.setProperty(LOG_LEVEL_PROPERTY, "info");
            err.println("logs of the functions and the local runtime: " + file);
            // The functions' standard output is their metrics (EMF lines, which Lambda hands to
            // CloudWatch Logs): to a file of their own, not between the demo's progress lines. The
            // CLI itself prints through FileDescriptor.out, never System.out.
            Path metrics = logs.resolve(name + ".metrics.jsonl");
            System.setOut(new PrintStream(new FileOutputStream(metrics.toFile(), true), true, StandardCharsets.UTF_8));
            err.println("metrics of the functions (embedded metric format): " + metrics);
        } catch (java.io.IOException e) {
            System.setProperty(LOG_CONFIGURATION_PROPERTY, TERMINAL_LOG_CONFIGURATION);
            err.println("cannot create .demo/logs (" + e.getMessage() + "): logging warnings to standard error");
        }
    }
}
