package com.breachnotice.cli.campaign;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.dynamodb.DynamoDbIncidentStore;
import com.breachnotice.cli.UserPaths;
import com.breachnotice.cli.notice.DefaultNotices;
import com.breachnotice.cli.notice.NoticeDirectory;
import com.breachnotice.cli.stack.StackOutputs;
import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.campaign.SendRates;
import com.breachnotice.core.incident.IncidentDescription;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.notice.LintReport;
import com.breachnotice.core.notice.NoticeLint;
import com.breachnotice.core.notice.NoticeTemplate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "launch",
        mixinStandardHelpOptions = true,
        description = {
            "Create a campaign and start planning it (one plan task per scan segment).",
            "Refuses an id that exists: follow it with 'campaign status'.",
            "--resume re-queues the planning of the same notice after a cut-off launch."
        })
public final class LaunchCommand implements Callable<Integer> {
    static final int MAX_TITLE = 200;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,47}");

    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    StackSource source = new StackSource();

    @Option(names = "--id", required = true, description = "campaign id: 1-48 lower-case letters, digits, dashes")
    String id = "";

    @Option(names = "--title", required = true, description = "title shown to operators")
    String title = "";

    @Option(
            names = "--policy",
            defaultValue = "email-first",
            description = "email-first, both, email-only or sms-only (default ${DEFAULT-VALUE})")
    String policy = "email-first";

    @Option(
            names = "--email-rate",
            paramLabel = "N",
            description = "emails per second across all senders, the SES quota (default 14)")
    int emailRate = SendRates.DEFAULT.emailPerSecond();

    @Option(
            names = "--sms-rate",
            paramLabel = "N",
            description = "SMS parts per second across all senders (default 10)")
    int smsRate = SendRates.DEFAULT.smsPerSecond();

    @Option(
            names = "--segments",
            paramLabel = "N",
            defaultValue = "4",
            description = "parallel scan segments, 1..1000 (default ${DEFAULT-VALUE})")
    int segments = 4;

    @Option(
            names = "--notice",
            required = true,
            paramLabel = "first|revised|DIR",
            description = {
                "the notice to send: the built-in first or revised notice, or a directory holding one",
                "<name>.<locale>.json per language; it must pass 'notice lint', and its facts come from",
                "the incident published on the stack ('incident publish')"
            })
    String notice = "";

    @Option(names = "--resume", description = "launch an existing id again (the same notice only)")
    boolean resume;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        source.check(spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<NoticeLocale, NoticeTemplate> templates;
        try {
            checkOptions();
            templates = NoticeDirectory.choose(notice, UserPaths.resolve(Path.of(notice)));
        } catch (IllegalArgumentException | NoticeDirectory.InvalidNoticeException e) {
            err.println("refused: " + e.getMessage());
            return 1;
        }
        try (AwsClients aws = new AwsClients()) {
            StackOutputs outputs = source.read(aws);
            CampaignAdmin admin = CampaignAdmin.of(aws, outputs);
            Optional<IncidentDescription> incident = new DynamoDbIncidentStore(
                            aws.dynamoDb(), outputs.require(CampaignAdmin.CAMPAIGN_TABLE_OUTPUT))
                    .current();
            if (incident.isEmpty()) {
                err.println("refused: no incident description is published on " + outputs.source()
                        + ": publish one first with 'breach-notice incident publish FILE " + source.args() + "'");
                return 1;
            }
            LintReport lint = NoticeLint.check(templates, incident.get());
            if (!lint.passed()) {
                err.println("refused: the notice " + noticeSource() + " fails the notice lint:");
                lint.errors().forEach(finding -> err.println("  " + finding));
                return 1;
            }
            Campaign campaign = campaign(templates, incident.get());
            return switch (admin.launch(campaign, segments, resume)) {
                case CampaignAdmin.Launch.Started started -> {
                    audit(aws, outputs, campaign, "campaign.launch", started.segments());
                    out.printf(
                            "launched campaign %s on %s: policy %s, email %d/s, SMS %d/s, %d planning segments%n",
                            campaign.id(),
                            outputs.source(),
                            campaign.policy().code(),
                            campaign.rates().emailPerSecond(),
                            campaign.rates().smsPerSecond(),
                            started.segments());
                    out.println("  notice texts: " + noticeSource());
                    lint.warnings().forEach(w -> out.println("  warning: " + w));
                    out.println("  follow it: breach-notice campaign status " + campaign.id() + " " + source.args());
                    yield 0;
                }
                case CampaignAdmin.Launch.Resumed resumed -> {
                    audit(aws, outputs, campaign, "campaign.resume-launch", resumed.segments());
                    out.printf(
                            "resumed campaign %s on %s: planning re-queued in %d segments%n",
                            campaign.id(), outputs.source(), resumed.segments());
                    yield 0;
                }
                case CampaignAdmin.Launch.Exists exists -> {
                    err.println("refused: campaign " + campaign.id() + " already exists on " + outputs.source()
                            + " (created " + exists.existing().createdAt() + "): follow it with 'campaign status "
                            + campaign.id() + "', or give a new --id (--resume re-queues a cut-off launch)");
                    yield 1;
                }
                case CampaignAdmin.Launch.IdTaken taken -> {
                    err.println("refused: campaign id " + campaign.id() + " is taken by a different notice ("
                            + taken.existing().title() + "): give a new --id");
                    yield 1;
                }
            };
        } catch (StackOutputs.StackOutputsException e) {
            err.println("refused: " + e.getMessage());
            return 1;
        }
    }

    /** Recorded after the launch succeeded: the trail says what happened. */
    private void audit(AwsClients aws, StackOutputs outputs, Campaign campaign, String action, int planned) {
        CampaignAudit.of(aws, outputs)
                .record(
                        campaign.id(),
                        action,
                        Map.of(
                                "notice", noticeSource(),
                                "policy", campaign.policy().code(),
                                "rates",
                                        campaign.rates().emailPerSecond() + " email/s, "
                                                + campaign.rates().smsPerSecond() + " sms/s",
                                "segments", Integer.toString(planned)));
    }

    /** The campaign the options describe, its notice filled with the live incident's facts. */
    Campaign campaign(Map<NoticeLocale, NoticeTemplate> templates, IncidentDescription incident) {
        ChannelPolicy channels = ChannelPolicy.ofCode(policy).orElseThrow();
        Map<NoticeLocale, NoticeText> texts = new EnumMap<>(NoticeLocale.class);
        templates.forEach((locale, template) -> texts.put(locale, template.render(incident)));
        return new Campaign(id, title.strip(), channels, clock.instant(), texts, new SendRates(emailRate, smsRate));
    }

    /** Every invalid value named in the exception, before anything is read. */
    void checkOptions() {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "--id '" + id + "': a campaign id is 1-48 lower-case letters, digits or dashes");
        }
        if (title.isBlank() || title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("--title must be 1-" + MAX_TITLE + " characters");
        }
        if (ChannelPolicy.ofCode(policy).isEmpty()) {
            throw new IllegalArgumentException(
                    "--policy '" + policy + "': use email-first, both, email-only or sms-only");
        }
        if (emailRate < 1 || emailRate > 100_000 || smsRate < 1 || smsRate > 100_000) {
            throw new IllegalArgumentException("--email-rate and --sms-rate are within 1..100000 per second");
        }
        if (segments < 1 || segments > 1000) {
            throw new IllegalArgumentException("--segments must be within 1..1000");
        }
    }

    private String noticeSource() {
        return DefaultNotices.builtIn(notice).isPresent()
                ? "built-in " + notice + " notice"
                : UserPaths.resolve(Path.of(notice)).toString();
    }
}
