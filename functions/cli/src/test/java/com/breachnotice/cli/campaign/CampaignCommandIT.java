package com.breachnotice.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.dynamodb.DynamoDbCampaignStore;
import com.breachnotice.aws.messages.MessageCodec;
import com.breachnotice.cli.BreachNoticeCli;
import com.breachnotice.cli.Json;
import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.planning.PlanTask;
import com.breachnotice.emulator.LocalEmulator;
import com.breachnotice.emulator.ProvisionedStack;
import com.breachnotice.emulator.ResourceProvisioner;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudformation.model.AlreadyExistsException;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@code campaign launch|status|redrive} on a stack provisioned from template.yaml, located through
 * its outputs: written to a file ({@code --outputs}), and through CloudFormation {@code DescribeStacks}
 * ({@code --stack}) on a tiny stack whose Outputs carry the same values. No function runs, so the
 * plan tasks stay on the plan queue where the test reads them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CampaignCommandIT {

    private static final String ID = "revised-it";
    private static final String EARLIER = "first-it";
    private static final int SEGMENTS = 3;

    @TempDir
    static Path directory;

    private static ProvisionedStack stack;
    private static AwsClients aws;
    private static String outputsFile;
    private static String cloudFormationStack;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void provision() throws Exception {
        LocalEmulator emulator = LocalEmulator.shared();
        emulator.applyToSystemProperties();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        stack = ResourceProvisioner.forEmulator(emulator).provision("it-campaign-" + suffix);
        aws = new AwsClients();
        Path file = directory.resolve("outputs.json");
        Files.writeString(file, Json.line(new LinkedHashMap<>(stack.outputs())));
        outputsFile = file.toString();
        cloudFormationStack = "it-campaign-cfn-" + suffix;
        try {
            aws.cloudFormation()
                    .createStack(
                            b -> b.stackName(cloudFormationStack).templateBody(templateWithOutputs(stack.outputs())));
        } catch (AlreadyExistsException retried) {
            // A slow first answer made the SDK retry a create that had been made: the stack is there.
        }
    }

    @AfterAll
    static void close() {
        if (aws != null) {
            aws.close();
        }
    }

    @Test
    @Order(0)
    void launch_beforeAnIncidentIsPublished_refusedThenPublishAndShow() throws Exception {
        int refused =
                run("campaign", "launch", "--outputs", outputsFile, "--id", ID, "--title", "t", "--notice", "revised");
        assertThat(refused).isEqualTo(1);
        assertThat(err.toString()).contains("no incident description is published", "incident publish");

        assertThat(run("incident", "publish", "--sample", "--outputs", outputsFile))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("published incident examplemall-2025-leak");
        assertThat(run("incident", "show", "--outputs", outputsFile)).isZero();
        assertThat(out.toString()).contains("\"helpLine\" : \"1588-0000\"");
    }

    @Test
    @Order(1)
    void launch_aNoticeFailingTheLint_refusedWithTheFindings() throws Exception {
        Path defective = Path.of(CampaignCommandIT.class
                .getResource("/notices/defective/exposure-ko")
                .toURI());
        int exit = run(
                "campaign",
                "launch",
                "--outputs",
                outputsFile,
                "--id",
                "lint-refused",
                "--title",
                "t",
                "--notice",
                defective.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("fails the notice lint", "banned_wording", "노출");
        try (AwsClients check = new AwsClients()) {
            assertThat(new DynamoDbCampaignStore(check.dynamoDb(), stack.physicalId("CampaignTable"))
                            .find("lint-refused"))
                    .isEmpty();
        }
    }

    @Test
    @Order(2)
    void launch_revisedNotice_namesTheEarlierCampaign_elseRefused() {
        int unnamed = run(
                "campaign",
                "launch",
                "--outputs",
                outputsFile,
                "--id",
                "unnamed",
                "--title",
                "t",
                "--notice",
                "revised");
        assertThat(unnamed).isEqualTo(1);
        assertThat(err.toString()).contains("is a revised notice", "--revises ID");
        int unknown = run(
                "campaign",
                "launch",
                "--outputs",
                outputsFile,
                "--id",
                "unknown",
                "--title",
                "t",
                "--notice",
                "revised",
                "--revises",
                "no-such-campaign");
        assertThat(unknown).isEqualTo(1);
        assertThat(err.toString()).contains("--revises no-such-campaign: no such campaign");

        int first = run(
                "campaign",
                "launch",
                "--outputs",
                outputsFile,
                "--id",
                EARLIER,
                "--title",
                "First",
                "--notice",
                "first",
                "--segments",
                "1",
                "--yes");
        assertThat(first).as(err.toString()).isZero();
        String planQueue = stack.outputs().get("PlanQueueUrl");
        List<PlanTask> drained = new ArrayList<>();
        for (int attempt = 0; attempt < 10 && drained.isEmpty(); attempt++) {
            for (Message message : aws.sqs()
                    .receiveMessage(
                            b -> b.queueUrl(planQueue).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()) {
                drained.add(MessageCodec.decodePlanTask(message.body()));
                aws.sqs().deleteMessage(b -> b.queueUrl(planQueue).receiptHandle(message.receiptHandle()));
            }
        }
        assertThat(drained).extracting(PlanTask::campaignId).containsExactly(EARLIER);
    }

    @Test
    @Order(3)
    void launch_createsTheCampaignAndQueuesOnePlanTaskPerSegment() {
        int exit = run(
                "campaign",
                "launch",
                "--outputs",
                outputsFile,
                "--id",
                ID,
                "--title",
                "Revised notice",
                "--notice",
                "revised",
                "--revises",
                EARLIER,
                "--policy",
                "both",
                "--email-rate",
                "20",
                "--segments",
                String.valueOf(SEGMENTS),
                "--yes");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains(
                        "revised notice " + ID + " revises " + EARLIER + ": 0 contacts in both, 0 only in the earlier",
                        "preview of campaign " + ID,
                        "recipients",
                        "cost at list prices",
                        "duration")
                .contains("launched campaign " + ID, "policy both", "email 20/s", "3 planning segments");
        Optional<Campaign> stored =
                new DynamoDbCampaignStore(aws.dynamoDb(), stack.outputs().get("CampaignTableName")).find(ID);
        assertThat(stored).hasValueSatisfying(campaign -> {
            assertThat(campaign.title()).isEqualTo("Revised notice");
            assertThat(campaign.policy()).isEqualTo(ChannelPolicy.BOTH);
            assertThat(campaign.rates().emailPerSecond()).isEqualTo(20);
            assertThat(campaign.revises()).hasValue(EARLIER);
        });
        List<PlanTask> tasks = new ArrayList<>();
        String planQueue = stack.outputs().get("PlanQueueUrl");
        for (int attempt = 0; attempt < 10 && tasks.size() < SEGMENTS; attempt++) {
            for (Message message : aws.sqs()
                    .receiveMessage(
                            b -> b.queueUrl(planQueue).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()) {
                tasks.add(MessageCodec.decodePlanTask(message.body()));
            }
        }
        assertThat(tasks).extracting(PlanTask::campaignId).containsOnly(ID);
        assertThat(tasks).extracting(PlanTask::segment).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    @Order(4)
    void status_json_reportsTheCampaign() throws Exception {
        int exit = run("campaign", "status", ID, "--outputs", outputsFile, "--json");

        assertThat(exit).as(err.toString()).isZero();
        // --json alone: one JSON object and no human text.
        String[] lines = out.toString().strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode json = Json.mapper().readTree(lines[0]);
        assertThat(json.get("campaign").asText()).isEqualTo(ID);
        assertThat(json.get("policy").asText()).isEqualTo("both");
        assertThat(json.at("/deliveries/planned").asLong()).isZero();
        assertThat(json.at("/deliveries/pending").asLong()).isZero();
        assertThat(json.at("/planning/complete").asBoolean()).isFalse();
        assertThat(json.get("finished").asBoolean()).isFalse();
    }

    @Test
    @Order(5)
    void launch_sameIdAgain_refusedWithExit1() {
        int exit = run(
                "campaign",
                "launch",
                "--outputs",
                outputsFile,
                "--id",
                ID,
                "--title",
                "Another notice",
                "--notice",
                "first");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("refused: campaign " + ID + " already exists");
        Optional<Campaign> stored =
                new DynamoDbCampaignStore(aws.dynamoDb(), stack.outputs().get("CampaignTableName")).find(ID);
        assertThat(stored).map(Campaign::title).hasValue("Revised notice");
    }

    @Test
    @Order(6)
    void status_throughCloudFormation_readsTheStacksOutputs() {
        int exit = run("campaign", "status", ID, "--stack", cloudFormationStack);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("campaign " + ID + ": Revised notice", "0 planned");
    }

    @Test
    @Order(7)
    void status_unknownCampaignOrStack_exit1() {
        assertThat(run("campaign", "status", "no-such-campaign", "--outputs", outputsFile))
                .isEqualTo(1);
        assertThat(err.toString()).contains("no campaign no-such-campaign");
        assertThat(run("campaign", "status", ID, "--stack", "no-such-stack")).isEqualTo(1);
        assertThat(err.toString()).contains("cannot read stack no-such-stack");
    }

    @Test
    @Order(8)
    void redrive_findsItsQueuesInTheOutputs() {
        int exit = run("campaign", "redrive", ID, "--stack", cloudFormationStack);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("notice jobs moved back: 0", "plan tasks moved back: 0");
    }

    @Test
    @Order(9)
    void launch_withoutATerminalOrYes_refusedAndNothingStored() {
        int exit = run(
                "campaign", "launch", "--outputs", outputsFile, "--id", "unasked", "--title", "t", "--notice", "first");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("preview of campaign unasked");
        assertThat(err.toString()).contains("asks for confirmation on a terminal", "--yes");
        assertThat(new DynamoDbCampaignStore(aws.dynamoDb(), stack.outputs().get("CampaignTableName")).find("unasked"))
                .isEmpty();
    }

    @Test
    @Order(10)
    void preview_onTheStack_json_countsTheRegistryAndReadsTheAccount() throws Exception {
        int exit = run(
                "campaign",
                "preview",
                "--outputs",
                outputsFile,
                "--id",
                "previewed",
                "--title",
                "t",
                "--notice",
                "first",
                "--json");

        assertThat(exit).as(err.toString()).isZero();
        String[] lines = out.toString().strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode json = Json.mapper().readTree(lines[0]);
        // Nothing is loaded into this stack's registry.
        assertThat(json.at("/recipients/email/total").asLong()).isZero();
        assertThat(json.at("/duration/sms/window").asText()).isEqualTo("08:00-21:00@Asia/Seoul");
        // Whatever the emulator answers to GetAccount, the preview says what it learned or why not.
        assertThat(json.get("notes").toString() + json.at("/duration/email_at_account_rate"))
                .isNotBlank();
        assertThat(new DynamoDbCampaignStore(aws.dynamoDb(), stack.outputs().get("CampaignTableName"))
                        .find("previewed"))
                .isEmpty();
    }

    @Test
    @Order(11)
    void launchAndRedrive_json_oneObject() throws Exception {
        int exit = run(
                "campaign",
                "launch",
                "--outputs",
                outputsFile,
                "--id",
                "json-launch",
                "--title",
                "t",
                "--notice",
                "first",
                "--send-window",
                "none",
                "--yes",
                "--json");

        assertThat(exit).as(err.toString()).isZero();
        String[] lines = out.toString().strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode launched = Json.mapper().readTree(lines[0]);
        assertThat(launched.at("/launch/result").asText()).isEqualTo("launched");
        assertThat(launched.at("/preview/campaign").asText()).isEqualTo("json-launch");
        assertThat(new DynamoDbCampaignStore(aws.dynamoDb(), stack.outputs().get("CampaignTableName"))
                        .find("json-launch"))
                .hasValueSatisfying(c -> assertThat(c.windows().sms()).isEmpty());

        out.getBuffer().setLength(0);
        assertThat(run("campaign", "redrive", "json-launch", "--outputs", outputsFile, "--json"))
                .as(err.toString())
                .isZero();
        JsonNode redriven = Json.mapper().readTree(out.toString().strip());
        assertThat(redriven.at("/notice_jobs/moved").asInt()).isZero();
        assertThat(redriven.get("campaign").asText()).isEqualTo("json-launch");
    }

    private int run(String... args) {
        return BreachNoticeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }

    /** One resource (CloudFormation wants one) and the provisioned stack's outputs as literal values. */
    private static String templateWithOutputs(Map<String, String> outputs) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("Resources", Map.of("Handle", Map.of("Type", "AWS::CloudFormation::WaitConditionHandle")));
        Map<String, Object> values = new LinkedHashMap<>();
        outputs.forEach((name, value) -> values.put(name, Map.of("Value", value)));
        template.put("Outputs", values);
        return Json.line(template);
    }
}
