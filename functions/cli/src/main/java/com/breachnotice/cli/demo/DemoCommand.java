package com.breachnotice.cli.demo;

import com.breachnotice.cli.Json;
import com.breachnotice.cli.UserPaths;
import com.breachnotice.emulator.LocalEmulator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code breach-notice demo}: the whole flow on the local emulator, then the lookup page to try. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run the whole flow on the local AWS emulator, from a clean state.",
            "Creates the stack from template.yaml, runs every function in the local runtime, loads a manifest,",
            "sends the first notice, loads the complete manifest and an address book, sends the revised",
            "notice and reports. Without --exit the lookup page stays open until Ctrl-C."
        })
public final class DemoCommand implements Callable<Integer> {

    public static final String STACK_NAME = "bn-demo";

    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Option(names = "--customers", paramLabel = "N", description = "customers of the synthetic manifest (default 2000)")
    @Nullable
    Integer customers;

    @Option(names = "--manifest", paramLabel = "FILE", description = "load this manifest instead of a synthetic one")
    @Nullable
    Path manifest;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "lookup page port (default 8080)")
    int port = 8080;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the synthetic manifest (default 1)")
    long seed = 1;

    @Option(names = "--exit", description = "exit after the report instead of keeping the page open")
    boolean exit;

    @Option(names = "--json", description = "end the report with one JSON line")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Integer requested = customers;
        Path given = manifest;
        if (requested != null && given != null) {
            throw new ParameterException(spec.commandLine(), "give either --customers or --manifest, not both");
        }
        if (requested != null && requested < 1) {
            throw new ParameterException(spec.commandLine(), "--customers must be at least 1");
        }
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0..65535");
        }
        Optional<Path> manifestFile = Optional.empty();
        if (given != null) {
            Path resolved = UserPaths.resolve(given);
            if (!Files.isRegularFile(resolved)) {
                err.println("no such manifest: " + resolved);
                return 2;
            }
            manifestFile = Optional.of(resolved);
        }
        Path home = Path.of(System.getProperty(UserPaths.HOME_PROPERTY, "")).toAbsolutePath();
        DemoFlow.Options options = new DemoFlow.Options(
                requested == null ? 2000 : requested,
                manifestFile,
                port,
                STACK_NAME,
                seed,
                home.resolve(".demo"),
                DemoFlow.Options.defaultConcurrency());

        err.println("starting the local AWS emulator (the first run installs moto and aws-ses-v2-local)…");
        err.flush();
        LocalEmulator emulator = LocalEmulator.shared();
        DemoFlow flow = new DemoFlow(emulator, err, Clock.systemUTC());
        DemoFlow.Report report;
        try {
            report = flow.run(options);
        } catch (DemoFlow.DemoTimeoutException e) {
            err.println(e.getMessage());
            flow.close();
            return 1;
        } catch (RuntimeException | Error e) {
            flow.close();
            throw e;
        }
        printReport(out, report);
        boolean complete = report.finished() && report.pending() == 0;
        if (!exit && complete) {
            printTryIt(out, flow, emulator);
        }
        if (json) {
            out.println(Json.line(report.json()));
        }
        out.flush();
        if (exit || !complete) {
            flow.close();
            return complete ? 0 : 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(flow::close, "demo-stop"));
        err.println("the lookup page stays open; press Ctrl-C to stop");
        err.flush();
        stopped.await();
        return 0;
    }

    static void printReport(PrintWriter out, DemoFlow.Report report) {
        out.printf("%nbreach-notice demo: %d customers in %.1f s%n", report.customers(), report.seconds());
        out.printf(
                "  intake      %d rows: %d accepted, %d rejected; %d subjects (%s)%n",
                report.accepted() + report.rejected(),
                report.accepted(),
                report.rejected(),
                report.subjects(),
                report.intakeState());
        report.intakeError().ifPresent(error -> out.println("  intake refused the manifest: " + error));
        out.printf(
                "  deliveries  %d planned: %d sent, %d failed, %d pending%n",
                report.planned(), report.sent(), report.failed(), report.pending());
        if (!report.addressBook().isEmpty()) {
            out.println("  address book " + report.addressBook());
        }
        for (DemoFlow.CampaignLine line : report.campaigns()) {
            out.printf(
                    "  campaign    %s (%s): %d planned, %d sent, %d failed, %d pending%s%n",
                    line.id(),
                    line.notice(),
                    line.planned(),
                    line.sent(),
                    line.failed(),
                    line.pending(),
                    line.reachedOfEarlier()
                            .map(pair -> "; reached " + pair[0] + " of the " + pair[1] + " contacts of "
                                    + line.revises().orElse("?"))
                            .orElse(""));
        }
        out.printf(
                "  emulator    %d emails and %d SMS recorded (%d SMS deliveries)%n",
                report.emailsRecorded(), report.smsRecorded(), report.smsDeliveries());
        report.proofCheck()
                .ifPresent(check -> out.printf(
                        "  proof       one %s email (notice %s version %s, items %s): stored hash %s the SHA-256 of"
                                + " the email SES accepted%n",
                        check.campaign(),
                        check.notice(),
                        check.version(),
                        String.join(",", check.items()),
                        check.equal() ? "equals" : "DIFFERS FROM"));
        out.println(
                report.finished()
                        ? "  every planned delivery reached a terminal state"
                        : "  NOT finished: some planned deliveries are not in a terminal state");
    }

    private static void printTryIt(PrintWriter out, DemoFlow flow, LocalEmulator emulator) {
        out.println();
        out.println("Try the lookup page: http://127.0.0.1:" + flow.httpPort() + "/");
        flow.sampleEmail()
                .ifPresentOrElse(
                        email -> out.println("  an affected (synthetic) contact to check: " + email),
                        () -> out.println("  check any email address of the manifest"));
        out.println("  the one-time code arrives in the local SES inbox: " + emulator.sesEndpoint());
    }
}
