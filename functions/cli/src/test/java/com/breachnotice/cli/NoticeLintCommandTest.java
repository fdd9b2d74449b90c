package com.breachnotice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code notice lint}: the shipped notices pass, and each defective notice under
 * {@code notices/defective/} (one per rule; its {@code expected.txt} names the outcome, the rule and
 * a fragment of the reason) is refused, or warned about, for that reason.
 */
class NoticeLintCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shippedNotices_pass() {
        assertThat(run("notice", "lint", "first")).as(out.toString()).isZero();
        assertThat(out.toString()).contains("first-notice: passed (0 errors, 0 warnings)");
        assertThat(run("notice", "lint", "revised")).as(out.toString()).isZero();
        assertThat(out.toString()).contains("revised-notice: passed (0 errors, 0 warnings)");
    }

    static Stream<Path> defectiveNotices() throws IOException, URISyntaxException {
        Path root = Path.of(
                NoticeLintCommandTest.class.getResource("/notices/defective").toURI());
        List<Path> cases;
        try (Stream<Path> listed = Files.list(root)) {
            cases = listed.sorted().toList();
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("defectiveNotices")
    void defectiveNotice_refusedForItsReason(Path notice) throws IOException {
        List<String> expected = Files.readAllLines(notice.resolve("expected.txt"));
        String outcome = expected.get(0);
        String rule = expected.get(1);
        String fragment = expected.get(2);

        int exit = run("notice", "lint", notice.toString());

        assertThat(exit).as(out.toString()).isEqualTo(outcome.equals("error") ? 1 : 0);
        assertThat(out.toString().lines())
                .as(out.toString())
                .anySatisfy(line ->
                        assertThat(line).startsWith(outcome).contains(rule).contains(fragment));
    }

    @Test
    void defectiveSet_coversEveryRule() throws Exception {
        List<String> rules = defectiveNotices()
                .map(path -> {
                    try {
                        return Files.readAllLines(path.resolve("expected.txt")).get(1);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .toList();
        assertThat(rules)
                .contains(
                        "missing_section",
                        "missing_part",
                        "link",
                        "banned_wording",
                        "literal_fact",
                        "reference_placeholder",
                        "items_placeholder",
                        "unknown_fact",
                        "inconsistent_notice",
                        "sms_parts");
    }

    @Test
    void jsonLine_namesTheFindings() throws Exception {
        Path notice = Path.of(getClass().getResource("/notices/defective/link").toURI());
        assertThat(run("notice", "lint", notice.toString(), "--json")).isEqualTo(1);
        String last = out.toString().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).startsWith("{\"notice\":\"first-notice\",\"passed\":false,\"errors\":[[\"link\"");
    }

    private int run(String... args) {
        return BreachNoticeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }
}
