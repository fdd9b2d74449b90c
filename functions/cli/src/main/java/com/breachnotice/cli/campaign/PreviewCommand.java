package com.breachnotice.cli.campaign;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.dynamodb.DynamoDbIncidentStore;
import com.breachnotice.aws.incident.IncidentJson;
import com.breachnotice.cli.Json;
import com.breachnotice.cli.UserPaths;
import com.breachnotice.cli.notice.NoticeDirectory;
import com.breachnotice.cli.stack.StackOutputs;
import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.incident.IncidentDescription;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.notice.NoticeLint;
import com.breachnotice.core.notice.NoticeTemplate;
import com.breachnotice.core.preview.Audience;
import com.breachnotice.core.preview.AudienceCounter;
import com.breachnotice.core.preview.CampaignPreview;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "preview",
        mixinStandardHelpOptions = true,
        description = {
            "Show what 'campaign launch' with the same options would do, and change nothing: recipients per",
            "channel and language, SMS parts, cost at list prices, duration at the rates and in the send",
            "windows, sample messages and warnings. The registry is counted on the stack (a scan, as the",
            "planner reads it), or given as counts with --audience-counts."
        })
public final class PreviewCommand implements Callable<Integer> {

    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    LaunchOptions options = new LaunchOptions();

    @Mixin
    StackSource source = new StackSource();

    @Option(
            names = "--audience-counts",
            paramLabel = "FILE",
            description = "contacts by class as JSON, instead of scanning the stack's registry (docs/campaigns.md)")
    @Nullable
    Path audienceCounts;

    @Option(names = "--json", description = "print the preview as one JSON object and nothing else")
    boolean json;

    @Option(names = "--no-samples", description = "leave out the sample messages")
    boolean noSamples;

    @Override
    public Integer call() {
        boolean stackGiven = source.stack != null || source.outputs != null;
        if (stackGiven) {
            source.check(spec);
        } else if (audienceCounts == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "give --stack NAME (or --outputs FILE) to count the registry, or --audience-counts FILE");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<NoticeLocale, NoticeTemplate> templates;
        try {
            options.check();
            templates = options.templates();
        } catch (IllegalArgumentException | NoticeDirectory.InvalidNoticeException e) {
            err.println("refused: " + e.getMessage());
            return 1;
        }
        try {
            CampaignPreview preview;
            List<String> notes = new ArrayList<>();
            if (stackGiven) {
                try (AwsClients aws = new AwsClients()) {
                    StackOutputs outputs = source.read(aws);
                    Optional<IncidentDescription> published = new DynamoDbIncidentStore(
                                    aws.dynamoDb(), outputs.require(CampaignAdmin.CAMPAIGN_TABLE_OUTPUT))
                            .current();
                    if (published.isEmpty()) {
                        notes.add("no incident is published on " + outputs.source()
                                + ": the built-in sample incident fills the texts (launch refuses until one is)");
                    }
                    IncidentDescription incident = published.orElseGet(IncidentJson::sample);
                    Path countsFile = audienceCounts;
                    AudienceCounter audience = countsFile != null
                            ? counted(countsFile)
                            : Previews.registry(aws, outputs, options.segments);
                    preview = preview(templates, incident, audience, Previews.account(aws));
                }
            } else {
                notes.add(
                        "no stack given: the built-in sample incident fills the texts, the SES account was not asked");
                preview = preview(
                        templates,
                        IncidentJson.sample(),
                        counted(Objects.requireNonNull(audienceCounts)),
                        CampaignPreview.Account.UNKNOWN);
            }
            preview = preview.withNotes(notes);
            if (json) {
                out.println(Json.line(PreviewReport.json(preview, options.noticeSource(), !noSamples)));
            } else {
                PreviewReport.print(preview, options.noticeSource(), !noSamples, out);
            }
            out.flush();
            return 0;
        } catch (IllegalArgumentException | StackOutputs.StackOutputsException e) {
            err.println("refused: " + e.getMessage());
            return 1;
        }
    }

    private static AudienceCounter counted(Path file) {
        Audience audience = AudienceCounts.read(UserPaths.resolve(file));
        return () -> audience;
    }

    private CampaignPreview preview(
            Map<NoticeLocale, NoticeTemplate> templates,
            IncidentDescription incident,
            AudienceCounter audience,
            CampaignPreview.Account account) {
        Campaign campaign = options.campaign(templates, incident);
        return Previews.preview(options, campaign, audience, account, NoticeLint.check(templates, incident));
    }
}
