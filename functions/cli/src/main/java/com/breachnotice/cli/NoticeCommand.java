package com.breachnotice.cli;

import com.breachnotice.aws.incident.IncidentJson;
import com.breachnotice.cli.notice.NoticeDirectory;
import com.breachnotice.core.incident.IncidentDescription;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.notice.LintReport;
import com.breachnotice.core.notice.NoticeLint;
import com.breachnotice.core.notice.NoticeTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code notice lint}: the checks a launch makes, before a stack is involved. */
@Command(
        name = "notice",
        mixinStandardHelpOptions = true,
        description = "Check notice texts.",
        subcommands = {NoticeCommand.Lint.class})
final class NoticeCommand implements Runnable {

    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(
            name = "lint",
            mixinStandardHelpOptions = true,
            description = {
                "Check a notice against the rules of docs/notices.md: every section in every language, no link,",
                "no banned wording, no literal date, number or address, the reference code, SMS parts.",
                "Exit status: 0 passed (warnings are printed), 1 refused, 2 unreadable."
            })
    static final class Lint implements Callable<Integer> {
        @Spec
        @SuppressWarnings("NullAway.Init")
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "first|revised|DIR", description = "a built-in notice or a directory")
        String notice = "";

        @Option(
                names = "--incident",
                paramLabel = "FILE",
                description = "the incident description to fill it with (default: the built-in sample)")
        @Nullable
        Path incident;

        @Option(names = "--json", description = "end with one JSON line")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Map<NoticeLocale, NoticeTemplate> templates;
            IncidentDescription description;
            try {
                templates = NoticeDirectory.choose(notice, UserPaths.resolve(Path.of(notice)));
                description = incident();
            } catch (NoticeDirectory.InvalidNoticeException | IncidentJson.InvalidIncidentException e) {
                err.println("cannot lint: " + e.getMessage());
                return 2;
            } catch (IOException e) {
                err.println("cannot lint: " + e.getMessage());
                return 2;
            }
            LintReport report = NoticeLint.check(templates, description);
            String name = templates.values().iterator().next().name();
            report.errors().forEach(finding -> out.println("error   " + finding));
            report.warnings().forEach(finding -> out.println("warning " + finding));
            out.printf(
                    "%s: %s (%d errors, %d warnings)%n",
                    name,
                    report.passed() ? "passed" : "REFUSED",
                    report.errors().size(),
                    report.warnings().size());
            if (json) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("notice", name);
                line.put("passed", report.passed());
                line.put(
                        "errors",
                        report.errors().stream()
                                .map(f -> List.of(f.rule(), f.where(), f.message()))
                                .toList());
                line.put(
                        "warnings",
                        report.warnings().stream()
                                .map(f -> List.of(f.rule(), f.where(), f.message()))
                                .toList());
                out.println(Json.line(line));
            }
            out.flush();
            return report.passed() ? 0 : 1;
        }

        private IncidentDescription incident() throws IOException {
            Path file = incident;
            if (file == null) {
                return IncidentJson.sample();
            }
            Path resolved = UserPaths.resolve(file);
            try (InputStream in = Files.newInputStream(resolved)) {
                return IncidentJson.parse(in, resolved.toString());
            }
        }
    }
}
