package com.breachnotice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.cli.notice.DefaultNotices;
import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.campaign.SendRates;
import com.breachnotice.core.manifest.NoticeLocale;
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
        assertThat(run("campaign", "launch", "--outputs", emptyOutputs(), "--id", "Revised_2026", "--title", "t"))
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
        assertThat(run("campaign", "launch", "--outputs", emptyOutputs(), "--id", "revised", "--title", " "))
                .isEqualTo(1);
        assertThat(err.toString()).contains("--title must be");
    }

    @Test
    void launch_usageErrors_exit2() throws IOException {
        assertThat(run("campaign", "launch", "--outputs", emptyOutputs(), "--id", "revised"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--title");
        assertThat(run("campaign", "launch", "--id", "revised", "--title", "t")).isEqualTo(2);
        assertThat(err.toString()).contains("give --stack NAME (or --outputs FILE)");
        assertThat(run("campaign", "launch", "--stack", "s", "--outputs", emptyOutputs(), "--id", "r", "--title", "t"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("not both");
        assertThat(launch("--segments", "four")).isEqualTo(2);
    }

    @Test
    void launch_validOptions_describeTheCampaign() throws IOException {
        Campaign campaign = parsedLaunch("--policy", "both", "--email-rate", "20", "--sms-rate", "5", "--segments", "8")
                .campaign();

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
    void launch_noticeDirWithALinkInTheSms_refusedNamingTheFile() throws IOException {
        Path notices = Files.createDirectories(directory.resolve("notices"));
        Files.writeString(notices.resolve("revised.ko.json"), notice("안내입니다 {reference}"));
        Files.writeString(notices.resolve("revised.en.json"), notice("Check example.com/check {reference}"));

        assertThat(launch("--notice-dir", notices.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("revised.en.json", "must not contain links");
    }

    @Test
    void launch_noticeDirWithoutEveryLanguage_refused() throws IOException {
        Path notices = Files.createDirectories(directory.resolve("only-en"));
        Files.writeString(notices.resolve("revised.en.json"), notice("Your data leaked {reference}"));

        assertThat(launch("--notice-dir", notices.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("exactly one *.ko.json");
    }

    @Test
    void launch_goodNoticeDir_textsComeFromTheDirectory() throws IOException {
        Path notices = Files.createDirectories(directory.resolve("good"));
        Files.writeString(notices.resolve("revised.ko.json"), notice("유출 안내 {items} {reference}"));
        Files.writeString(notices.resolve("revised.en.json"), notice("Leak notice {items} {reference}"));

        Campaign campaign = parsedLaunch("--notice-dir", notices.toString()).campaign();

        assertThat(campaign.texts()).containsOnlyKeys(NoticeLocale.KO, NoticeLocale.EN);
        assertThat(campaign.texts().get(NoticeLocale.KO).sms()).isEqualTo("유출 안내 {items} {reference}");
        assertThat(campaign.texts().get(NoticeLocale.EN).sms()).isEqualTo("Leak notice {items} {reference}");
        assertThat(campaign.texts().get(NoticeLocale.EN).subject()).isEqualTo("Your personal data was leaked");
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
        return run(args.toArray(String[]::new));
    }

    /** The launch command with its options parsed, as picocli hands it to {@code call()}. */
    private CampaignCommand.Launch parsedLaunch(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "campaign", "launch", "--outputs", emptyOutputs(), "--id", "revised-2026-12", "--title", "Revised"));
        args.addAll(List.of(extra));
        CommandLine.ParseResult parsed = BreachNoticeCli.commandLine(
                        new PrintWriter(out, true), new PrintWriter(err, true))
                .parseArgs(args.toArray(String[]::new));
        CampaignCommand.Launch launch =
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

    private static String notice(String sms) {
        return Json.line(java.util.Map.of(
                "subject", "Your personal data was leaked",
                "text", "Dear customer, {{#each items}}{{this}}{{/each}} {{reference}}",
                "html", "<p>Dear customer</p> {{reference}}",
                "sms", sms));
    }
}
