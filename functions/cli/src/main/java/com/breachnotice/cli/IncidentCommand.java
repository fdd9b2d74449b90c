package com.breachnotice.cli;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.dynamodb.DynamoDbIncidentStore;
import com.breachnotice.aws.incident.IncidentJson;
import com.breachnotice.cli.campaign.CampaignAdmin;
import com.breachnotice.cli.campaign.CampaignAudit;
import com.breachnotice.cli.campaign.StackSource;
import com.breachnotice.cli.stack.StackOutputs;
import com.breachnotice.core.audit.AuditEntry;
import com.breachnotice.core.incident.IncidentDescription;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code incident publish|show}: the incident description the page, the code messages and every
 * notice launched afterwards take their facts from. The lookup reads it with a short cache, so a
 * correction is live within a minute, without a redeploy.
 */
@Command(
        name = "incident",
        mixinStandardHelpOptions = true,
        description = "Publish the incident description to a stack, or show the live one.",
        subcommands = {IncidentCommand.Publish.class, IncidentCommand.Show.class})
final class IncidentCommand implements Runnable {

    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(
            name = "publish",
            mixinStandardHelpOptions = true,
            description = {
                "Check an incident description (JSON, ko and en side by side; docs/notices.md) and make it the",
                "live one. --sample publishes the built-in sample. Exit status: 0 published, 1 refused."
            })
    static final class Publish implements Callable<Integer> {
        @Spec
        @SuppressWarnings("NullAway.Init")
        CommandSpec spec;

        @Mixin
        StackSource source = new StackSource();

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE")
        @Nullable
        Path file;

        @Option(names = "--sample", description = "publish the built-in sample description")
        boolean sample;

        @Override
        public Integer call() {
            source.check(spec);
            Path given = file;
            if ((given == null) == !sample) {
                throw new ParameterException(spec.commandLine(), "give an incident FILE or --sample");
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            IncidentDescription incident;
            try {
                incident = given == null ? IncidentJson.sample() : read(UserPaths.resolve(given));
            } catch (IncidentJson.InvalidIncidentException | IOException e) {
                err.println("refused: " + e.getMessage());
                return 1;
            }
            try (AwsClients aws = new AwsClients()) {
                StackOutputs outputs = source.read(aws);
                new DynamoDbIncidentStore(aws.dynamoDb(), outputs.require(CampaignAdmin.CAMPAIGN_TABLE_OUTPUT))
                        .publish(incident);
                CampaignAudit.of(aws, outputs)
                        .record(
                                AuditEntry.INCIDENT,
                                "incident.publish",
                                java.util.Map.of(
                                        "incident",
                                        incident.id(),
                                        "updated",
                                        incident.updatedAt().toString()));
                out.println("published incident " + incident.id() + " (updated " + incident.updatedAt() + ") on "
                        + outputs.source() + ": the page shows it within a minute");
                out.flush();
                return 0;
            } catch (StackOutputs.StackOutputsException e) {
                err.println("refused: " + e.getMessage());
                return 1;
            }
        }

        private static IncidentDescription read(Path path) throws IOException {
            try (InputStream in = Files.newInputStream(path)) {
                return IncidentJson.parse(in, path.toString());
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the live incident description.")
    static final class Show implements Callable<Integer> {
        @Spec
        @SuppressWarnings("NullAway.Init")
        CommandSpec spec;

        @Mixin
        StackSource source = new StackSource();

        @Override
        public Integer call() {
            source.check(spec);
            try (AwsClients aws = new AwsClients()) {
                StackOutputs outputs = source.read(aws);
                Optional<IncidentDescription> live = new DynamoDbIncidentStore(
                                aws.dynamoDb(), outputs.require(CampaignAdmin.CAMPAIGN_TABLE_OUTPUT))
                        .current();
                if (live.isEmpty()) {
                    spec.commandLine().getErr().println("no incident description is published on " + outputs.source());
                    return 1;
                }
                spec.commandLine().getOut().println(IncidentJson.write(live.get()));
                spec.commandLine().getOut().flush();
                return 0;
            } catch (StackOutputs.StackOutputsException e) {
                spec.commandLine().getErr().println("refused: " + e.getMessage());
                return 1;
            }
        }
    }
}
