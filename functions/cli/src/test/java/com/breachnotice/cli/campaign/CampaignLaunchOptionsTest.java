package com.breachnotice.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.cli.BreachNoticeCli;
import com.breachnotice.cli.notice.DefaultNotices;
import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.campaign.SendRates;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
 * What {@code campaign launch|status|redrive} refuse before they touch AWS: invalid values exit 1 with
 * the option named, usage errors exit 2 as picocli's do. Options that pass are checked on the campaign
 * they describe, not on where the command stops later (the outputs file of these tests has no tables).
 */
class CampaignLaunchOptionsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void launch_invalidId_refusedWithExit1() throws IOException {
        assertThat(run(
                        "campaign",
                        "launch",
                        "--outputs",
                        emptyOutputs(),
                        "--id",
                        "Revised_2026",
                        "--title",
                        "t",
                        "--notice",
                        "first"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("refused: --id 'Revised_2026'", "lower-case letters");
    }

    @Test
    void launch_unknownPolicy_refusedWithExit1() throws IOException {
        assertThat(launch("--policy", "sms-first")).isEqualTo(1);
        assertThat(err.toString()).contains("--policy 'sms-first'");
    }

    @Test
    void launch_ratesOrSegmentsOutOfRange_refusedWithExit1() throws IOException {
        assertThat(launch("--email-rate", "0")).isEqualTo(1);
        assertThat(err.toString()).contains("--email-rate and --sms-rate");
        assertThat(launch("--sms-rate", "100001")).isEqualTo(1);
        assertThat(launch("--segments", "0")).isEqualTo(1);
        assertThat(err.toString()).contains("--segments must be within 1..1000");
    }

    @Test
    void launch_blankTitle_refusedWithExit1() throws IOException {
        assertThat(run(
                        "campaign",
                        "launch",
                        "--outputs",
                        emptyOutputs(),
                        "--id",
                        "revised",
                        "--title",
                        " ",
                        "--notice",
                        "first"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("--title must be");
    }

    @Test
    void launch_usageErrors_exit2() throws IOException {
        assertThat(run("campaign", "launch", "--outputs", emptyOutputs(), "--id", "revised"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--title");
        assertThat(run("campaign", "launch", "--id", "revised", "--title", "t", "--notice", "first"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("give --stack NAME (or --outputs FILE)");
        assertThat(run(
                        "campaign",
                        "launch",
                        "--stack",
                        "s",
                        "--outputs",
                        emptyOutputs(),
                        "--id",
                        "r",
                        "--title",
                        "t",
                        "--notice",
                        "first"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("not both");
        assertThat(launch("--segments", "four")).isEqualTo(2);
    }

    @Test
    void launch_validOptions_describeTheCampaign() throws IOException {
        Campaign campaign = parsedLaunch(
                        "--policy",
                        "both",
                        "--email-rate",
                        "20",
                        "--sms-rate",
                        "5",
                        "--segments",
                        "8",
                        "--notice",
                        "first")
                .campaign(
                        DefaultNotices.load(DefaultNotices.FIRST_NOTICE),
                        com.breachnotice.aws.incident.IncidentJson.sample());

        assertThat(campaign.id()).isEqualTo("revised-2026-12");
        assertThat(campaign.title()).isEqualTo("Revised");
        assertThat(campaign.policy()).isEqualTo(ChannelPolicy.ofCode("both").orElseThrow());
        assertThat(campaign.rates()).isEqualTo(new SendRates(20, 5));
        assertThat(campaign.createdAt()).isEqualTo(NOW);
        assertThat(campaign.texts()).isEqualTo(DefaultNotices.firstNotice());
    }

    @Test
    void launch_validOptions_reachTheStackAndNameTheMissingOutput() throws IOException {
        assertThat(launch()).isEqualTo(1);
        assertThat(err.toString()).doesNotContain("refused: --").contains("has no output CampaignTableName");
    }

    @Test
    void launch_withoutANotice_usageErrorNamingTheOption() throws IOException {
        assertThat(run("campaign", "launch", "--outputs", emptyOutputs(), "--id", "r", "--title", "t"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--notice");
    }

    @Test
    void launch_noticeDirWithoutEveryLanguage_refused() throws IOException {
        Path notices = Files.createDirectories(directory.resolve("only-en"));
        Files.writeString(notices.resolve("revised.en.json"), "{}");

        assertThat(launch("--notice", notices.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("exactly one *.ko.json");
    }

    @Test
    void launch_noSuchNotice_refused() throws IOException {
        assertThat(launch("--notice", directory.resolve("third").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no such notice directory");
    }

    @Test
    void launch_goodNoticeDir_passesToTheStack() throws Exception {
        Path notices =
                Path.of(getClass().getResource("/notices/defective/long-sms").toURI());

        assertThat(launch("--notice", notices.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("has no output CampaignTableName");
    }

    @Test
    void statusAndRedrive_withoutAStack_usageErrors() throws IOException {
        assertThat(run("campaign", "status", "revised")).isEqualTo(2);
        assertThat(err.toString()).contains("give --stack NAME");
        assertThat(run("campaign", "redrive", "revised", "--notice-queue-url", "q"))
                .isEqualTo(2);
        assertThat(run("campaign", "status", "revised", "--outputs", emptyOutputs()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("has no output CampaignTableName");
        assertThat(run("campaign", "redrive", "revised", "--outputs", emptyOutputs()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("has no output NoticeQueueUrl");
    }

    private int launch(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "campaign", "launch", "--outputs", emptyOutputs(), "--id", "revised-2026-12", "--title", "Revised"));
        args.addAll(List.of(extra));
        if (!args.contains("--notice")) {
            args.addAll(List.of("--notice", "first"));
        }
        return run(args.toArray(String[]::new));
    }

    /** The launch command with its options parsed, as picocli hands it to {@code call()}. */
    private LaunchCommand parsedLaunch(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "campaign", "launch", "--outputs", emptyOutputs(), "--id", "revised-2026-12", "--title", "Revised"));
        args.addAll(List.of(extra));
        CommandLine.ParseResult parsed = BreachNoticeCli.commandLine(
                        new PrintWriter(out, true), new PrintWriter(err, true))
                .parseArgs(args.toArray(String[]::new));
        LaunchCommand launch =
                parsed.subcommand().subcommand().commandSpec().commandLine().getCommand();
        launch.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return launch;
    }

    private int run(String... args) {
        return BreachNoticeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }

    private String emptyOutputs() throws IOException {
        Path file = directory.resolve("outputs.json");
        Files.writeString(file, "{\"Unrelated\": \"x\"}");
        return file.toString();
    }
}
