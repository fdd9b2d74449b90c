package com.breachnotice.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.cli.BreachNoticeCli;
import com.breachnotice.cli.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code campaign preview} on an audience given by counts (no stack, no AWS call): the output is
 * compared whole with a golden file, so any change to what the operator reads is a visible diff.
 * Regenerate with {@code -Dgolden.update=true}.
 */
class CampaignPreviewCommandTest {

    /** 09:00 in Seoul: the SMS window is open at the start. */
    private static final Instant NOW = Instant.parse("2026-12-03T00:00:00Z");

    private static final Path AUDIENCE = Path.of("../../docs/examples/audience-33.7m.json");
    private static final Path GOLDEN = Path.of("src/test/resources/preview/first-notice-33.7m.txt");

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void preview_33_7Million_matchesGolden() throws Exception {
        int exit = preview(
                "--audience-counts",
                AUDIENCE.toString(),
                "--id",
                "first-notice",
                "--title",
                "First notice",
                "--notice",
                "first");

        assertThat(exit).as(err.toString()).isZero();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, out.toString(), StandardCharsets.UTF_8);
        }
        assertThat(out.toString()).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void preview_json_oneObjectAndNothingElse() throws Exception {
        int exit = preview(
                "--audience-counts",
                AUDIENCE.toString(),
                "--id",
                "first-notice",
                "--title",
                "First notice",
                "--notice",
                "first",
                "--email-rate",
                "1000",
                "--json");

        assertThat(exit).as(err.toString()).isZero();
        String[] lines = out.toString().strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode json = Json.mapper().readTree(lines[0]);
        assertThat(json.at("/recipients/email/total").asLong()).isEqualTo(32_000_000);
        assertThat(json.at("/recipients/unreachable").asLong()).isEqualTo(15_000);
        // 32,000,000 emails at 1,000/s.
        assertThat(json.at("/duration/email/sending_seconds").asLong()).isEqualTo(32_000);
        assertThat(json.at("/cost/email").decimalValue()).isEqualByComparingTo("3200.00");
        assertThat(json.at("/sms_parts/0/encoding").asText()).isEqualTo("UCS2");
        assertThat(json.at("/samples").size()).isEqualTo(4);
    }

    @Test
    void preview_pricesOverride_used() throws Exception {
        Path prices = directory.resolve("prices.json");
        Files.writeString(
                prices,
                "{\"as_of\":\"2027-01-01\",\"currency\":\"USD\",\"source\":\"test\",\"email_per_thousand\":1,"
                        + "\"sms_per_part\":{\"KR\":0}}");

        int exit = preview(
                "--audience-counts",
                AUDIENCE.toString(),
                "--id",
                "f",
                "--title",
                "t",
                "--notice",
                "first",
                "--prices",
                prices.toString(),
                "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode json = Json.mapper().readTree(out.toString());
        assertThat(json.at("/cost/email").decimalValue()).isEqualByComparingTo("32000.00");
        assertThat(json.at("/cost/unpriced_countries/0").asText()).isEqualTo("US");
        assertThat(json.get("notes").toString()).contains("prices of 2027-01-01 (test)");
    }

    @Test
    void preview_sendWindows_inTheDuration() throws Exception {
        int exit = preview(
                "--audience-counts",
                AUDIENCE.toString(),
                "--id",
                "f",
                "--title",
                "t",
                "--notice",
                "first",
                "--send-window",
                "none",
                "--email-send-window",
                "09:00-18:00@Asia/Seoul",
                "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode json = Json.mapper().readTree(out.toString());
        assertThat(json.at("/duration/sms/window").isNull()).isTrue();
        assertThat(json.at("/duration/sms/elapsed_seconds").asLong())
                .isEqualTo(json.at("/duration/sms/sending_seconds").asLong());
        assertThat(json.at("/duration/email/window").asText()).isEqualTo("09:00-18:00@Asia/Seoul");
        assertThat(json.at("/duration/email/elapsed_seconds").asLong())
                .isGreaterThan(2 * json.at("/duration/email/sending_seconds").asLong());
    }

    @Test
    void preview_badWindowOrNoAudience_refused() throws IOException {
        assertThat(run(
                        "campaign",
                        "preview",
                        "--audience-counts",
                        AUDIENCE.toString(),
                        "--id",
                        "f",
                        "--title",
                        "t",
                        "--notice",
                        "first",
                        "--send-window",
                        "8-21"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("--send-window", "HH:MM-HH:MM");
        assertThat(run("campaign", "preview", "--id", "f", "--title", "t", "--notice", "first"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--audience-counts FILE");
        Path bad = directory.resolve("bad.json");
        Files.writeString(bad, "{\"classes\":[{\"kind\":\"fax\",\"count\":1}]}");
        assertThat(run(
                        "campaign",
                        "preview",
                        "--audience-counts",
                        bad.toString(),
                        "--id",
                        "f",
                        "--title",
                        "t",
                        "--notice",
                        "first"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("kind is email or phone");
    }

    private int preview(String... extra) {
        List<String> args = new ArrayList<>(List.of("campaign", "preview"));
        args.addAll(List.of(extra));
        CommandLine root = BreachNoticeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        CommandLine.ParseResult parsed = root.parseArgs(args.toArray(String[]::new));
        CommandLine previewLine = parsed.subcommand().subcommand().commandSpec().commandLine();
        PreviewCommand preview = previewLine.getCommand();
        preview.options.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return preview.call();
    }

    private int run(String... args) {
        return BreachNoticeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }
}
