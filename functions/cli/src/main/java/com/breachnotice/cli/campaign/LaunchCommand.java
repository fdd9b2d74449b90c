package com.breachnotice.cli.campaign;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.dynamodb.DynamoDbAudienceScan;
import com.breachnotice.aws.dynamodb.DynamoDbIncidentStore;
import com.breachnotice.cli.Json;
import com.breachnotice.cli.notice.NoticeDirectory;
import com.breachnotice.cli.stack.StackOutputs;
import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.incident.IncidentDescription;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.notice.LintReport;
import com.breachnotice.core.notice.NoticeLint;
import com.breachnotice.core.notice.NoticeTemplate;
import com.breachnotice.core.planning.Reconciliation;
import com.breachnotice.core.preview.CampaignPreview;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
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
            "Shows the preview first ('campaign preview') and asks to go on; --yes launches without asking,",
            "and without a terminal the launch needs --yes.",
            "Refuses an id that exists: follow it with 'campaign status'.",
            "--resume re-queues the planning of the same notice after a cut-off launch."
        })
public final class LaunchCommand implements Callable<Integer> {

    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    StackSource source = new StackSource();

    @Mixin
    LaunchOptions options = new LaunchOptions();

    @Option(
            names = "--revises",
            paramLabel = "ID",
            description = {
                "the earlier campaign this one revises: the launch prints how their audiences compare and",
                "refuses to leave out anyone the earlier one had; each person's notice lists what is new"
            })
    @Nullable
    String revises;

    @Option(names = "--resume", description = "launch an existing id again (the same notice only)")
    boolean resume;

    @Option(
            names = {"--yes", "-y"},
            description = "launch without asking (scripts; required without a terminal)")
    boolean yes;

    @Option(names = "--json", description = "print the preview and the outcome as one JSON object and nothing else")
    boolean json;

    Clock clock = Clock.systemUTC();

    Confirmation confirmation = Confirmation.terminal();

    /** The reconciliation with the campaign {@code --revises} names, for the JSON outcome. */
    private Map<String, Object> reconciled = Map.of();

    @Override
    public Integer call() {
        source.check(spec);
        options.clock = clock;
        PrintWriter err = spec.commandLine().getErr();
        Map<NoticeLocale, NoticeTemplate> templates;
        try {
            options.check();
            if (revises != null && (!revises.matches("[a-z0-9][a-z0-9-]{0,47}") || revises.equals(options.id))) {
                throw new IllegalArgumentException("--revises '" + revises + "': the id of an earlier campaign");
            }
            templates = options.templates();
        } catch (IllegalArgumentException | NoticeDirectory.InvalidNoticeException e) {
            return refused(null, e.getMessage());
        }
        try (AwsClients aws = new AwsClients()) {
            StackOutputs outputs = source.read(aws);
            CampaignAdmin admin = CampaignAdmin.of(aws, outputs);
            Optional<IncidentDescription> incident = new DynamoDbIncidentStore(
                            aws.dynamoDb(), outputs.require(CampaignAdmin.CAMPAIGN_TABLE_OUTPUT))
                    .current();
            if (incident.isEmpty()) {
                return refused(
                        null,
                        "no incident description is published on " + outputs.source()
                                + ": publish one first with 'breach-notice incident publish FILE " + source.args()
                                + "'");
            }
            LintReport lint = NoticeLint.check(templates, incident.get());
            if (!lint.passed()) {
                err.println("refused: the notice " + options.noticeSource() + " fails the notice lint:");
                lint.errors().forEach(finding -> err.println("  " + finding));
                return refused(null, "the notice " + options.noticeSource() + " fails the notice lint");
            }
            Campaign campaign = campaign(templates, incident.get());
            Optional<Campaign> existing = admin.find(campaign.id());
            if (existing.isPresent() && !resume) {
                // Said before the preview's scan and the question: there is nothing to decide.
                return exists(outputs, campaign, existing.get(), null);
            }
            String earlier = revises;
            if (earlier == null
                    && templates.values().stream().anyMatch(t -> t.revises().isPresent())) {
                return refused(
                        null,
                        "the notice " + options.noticeSource() + " is a revised notice: name the campaign it revises"
                                + " with --revises ID, so that each person's notice lists what is new to them");
            }
            if (earlier != null && !resume) {
                if (admin.find(earlier).isEmpty()) {
                    return refused(null, "--revises " + earlier + ": no such campaign on " + outputs.source());
                }
                Reconciliation reconciliation = RevisedLaunch.reconcile(
                        new DynamoDbAudienceScan(
                                aws.dynamoDb(),
                                outputs.require(RevisedLaunch.CONTACT_TABLE_OUTPUT),
                                outputs.require(RevisedLaunch.DELIVERY_TABLE_OUTPUT)),
                        earlier);
                reconciled = RevisedLaunch.json(earlier, reconciliation);
                if (!json) {
                    spec.commandLine().getOut().println(RevisedLaunch.describe(campaign.id(), earlier, reconciliation));
                }
                if (!reconciliation.leavesNobodyOut()) {
                    return refused(
                            null,
                            reconciliation.onlyEarlier() + " contacts of " + earlier + " are no longer in the registry"
                                    + " and the revised notice would leave them out: load the manifests again (intake"
                                    + " only adds) before launching");
                }
            }
            CampaignPreview preview = Previews.preview(
                    options, campaign, Previews.registry(aws, outputs, options.segments), Previews.account(aws), lint);
            if (!json) {
                PreviewReport.print(
                        preview,
                        options.noticeSource(),
                        true,
                        spec.commandLine().getOut());
            }
            if (!yes) {
                Optional<Boolean> answer = confirmation.ask(String.format(
                        "launch campaign %s to %,d recipients?",
                        campaign.id(), preview.audience().deliveries()));
                if (answer.isEmpty()) {
                    return refused(
                            preview,
                            "launch asks for confirmation on a terminal and there is none: run it at a terminal,"
                                    + " or give --yes to launch without asking");
                }
                if (!answer.get()) {
                    return outcome(preview, Map.of("result", "declined"), "not launched: nothing was changed", 1);
                }
            }
            return launch(aws, admin, outputs, campaign, preview);
        } catch (StackOutputs.StackOutputsException e) {
            return refused(null, e.getMessage());
        }
    }

    private int launch(
            AwsClients aws, CampaignAdmin admin, StackOutputs outputs, Campaign campaign, CampaignPreview preview) {
        PrintWriter err = spec.commandLine().getErr();
        return switch (admin.launch(campaign, options.segments, resume)) {
            case CampaignAdmin.Launch.Started started -> {
                audit(aws, outputs, campaign, "campaign.launch", started.segments());
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("result", "launched");
                result.put("segments", started.segments());
                result.put("stack", outputs.source());
                outcome(
                        preview,
                        result,
                        String.format(
                                "launched campaign %s on %s: policy %s, email %d/s, SMS %d/s, %d planning segments%n"
                                        + "  notice texts: %s%n"
                                        + "  follow it: breach-notice campaign status %s %s --watch",
                                campaign.id(),
                                outputs.source(),
                                campaign.policy().code(),
                                campaign.rates().emailPerSecond(),
                                campaign.rates().smsPerSecond(),
                                started.segments(),
                                options.noticeSource(),
                                campaign.id(),
                                source.args()),
                        0);
                yield 0;
            }
            case CampaignAdmin.Launch.Resumed resumed -> {
                audit(aws, outputs, campaign, "campaign.resume-launch", resumed.segments());
                outcome(
                        preview,
                        Map.of("result", "resumed", "segments", resumed.segments()),
                        String.format(
                                "resumed campaign %s on %s: planning re-queued in %d segments",
                                campaign.id(), outputs.source(), resumed.segments()),
                        0);
                yield 0;
            }
            case CampaignAdmin.Launch.Exists exists -> exists(outputs, campaign, exists.existing(), preview);
            case CampaignAdmin.Launch.IdTaken taken -> {
                String reason = "campaign id " + campaign.id() + " is taken by a different notice ("
                        + taken.existing().title() + "): give a new --id";
                err.println("refused: " + reason);
                yield outcome(preview, Map.of("result", "id_taken", "reason", reason), null, 1);
            }
        };
    }

    private int exists(StackOutputs outputs, Campaign campaign, Campaign existing, @Nullable CampaignPreview preview) {
        String reason = "campaign " + campaign.id() + " already exists on " + outputs.source() + " (created "
                + existing.createdAt() + "): follow it with 'campaign status " + campaign.id()
                + "', or give a new --id (--resume re-queues a cut-off launch)";
        spec.commandLine().getErr().println("refused: " + reason);
        return outcome(preview, Map.of("result", "exists", "reason", reason), null, 1);
    }

    /** Says why nothing was launched: on stderr, and with --json as the outcome on stdout. */
    private int refused(@Nullable CampaignPreview preview, @Nullable String reason) {
        String text = reason == null ? "refused" : reason;
        spec.commandLine().getErr().println("refused: " + text);
        return outcome(preview, Map.of("result", "refused", "reason", text), null, 1);
    }

    private int outcome(
            @Nullable CampaignPreview preview, Map<String, Object> result, @Nullable String words, int exit) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("campaign", options.id);
            if (preview != null) {
                object.put("preview", PreviewReport.json(preview, options.noticeSource(), true));
            }
            if (!reconciled.isEmpty()) {
                object.put("reconciliation", reconciled);
            }
            object.put("launch", result);
            out.println(Json.line(object));
        } else if (words != null) {
            out.println(words);
        }
        out.flush();
        return exit;
    }

    /** Who launched what, on the campaign's audit trail ('campaign audit ID'). */
    private void audit(AwsClients aws, StackOutputs outputs, Campaign campaign, String action, int segments) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("notice", options.noticeSource());
        details.put("policy", campaign.policy().code());
        details.put(
                "rates",
                campaign.rates().emailPerSecond() + " email/s, "
                        + campaign.rates().smsPerSecond() + " sms/s");
        details.put("segments", Integer.toString(segments));
        campaign.revises().ifPresent(earlier -> details.put("revises", earlier));
        CampaignAudit.of(aws, outputs).record(campaign.id(), action, details);
    }

    /** The campaign the options describe, its notice filled with the live incident's facts. */
    Campaign campaign(Map<NoticeLocale, NoticeTemplate> templates, IncidentDescription incident) {
        options.clock = clock;
        Campaign campaign = options.campaign(templates, incident);
        return revises == null ? campaign : campaign.revising(revises);
    }
}
