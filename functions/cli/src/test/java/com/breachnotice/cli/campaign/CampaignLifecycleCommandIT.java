package com.breachnotice.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.cli.BreachNoticeCli;
import com.breachnotice.cli.Json;
import com.breachnotice.emulator.LocalEmulator;
import com.breachnotice.emulator.ProvisionedStack;
import com.breachnotice.emulator.ResourceProvisioner;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code campaign pause|resume|cancel|recount} against a provisioned stack on the emulator (moto
 * answers STS {@code GetCallerIdentity}). No runtime runs, so the campaign sends nothing: the test
 * sees the lifecycle, its history, the refusals, and a recount agreeing and then not.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CampaignLifecycleCommandIT {

    private static final String ID = "steer-it";

    @TempDir
    static Path directory;

    private static ProvisionedStack stack;
    private static AwsClients aws;
    private static String outputsFile;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void provision() throws Exception {
        LocalEmulator emulator = LocalEmulator.shared();
        emulator.applyToSystemProperties();
        stack = ResourceProvisioner.forEmulator(emulator)
                .provision("it-steer-" + UUID.randomUUID().toString().substring(0, 6));
        aws = new AwsClients();
        Path file = directory.resolve("outputs.json");
        Files.writeString(file, Json.line(new LinkedHashMap<>(stack.outputs())));
        outputsFile = file.toString();
    }

    @AfterAll
    static void close() {
        if (aws != null) {
            aws.close();
        }
    }

    @Test
    @Order(0)
    void launch_thenPause_statusShowsPausedWithWhoAndWhy() throws Exception {
        assertThat(run("incident", "publish", "--sample", "--outputs", outputsFile))
                .as(err.toString())
                .isZero();
        assertThat(run(
                        "campaign",
                        "launch",
                        "--outputs",
                        outputsFile,
                        "--id",
                        ID,
                        "--title",
                        "Steer",
                        "--notice",
                        "first",
                        "--yes"))
                .as(err.toString())
                .isZero();

        assertThat(run("campaign", "pause", ID, "--outputs", outputsFile, "--reason", "wrong help line"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("campaign " + ID + " active -> paused", "arn:aws:", ": wrong help line");

        assertThat(run("campaign", "status", ID, "--outputs", outputsFile, "--json"))
                .as(err.toString())
                .isZero();
        String[] lines = out.toString().strip().split("\n");
        JsonNode json = Json.mapper().readTree(lines[lines.length - 1]);
        assertThat(json.get("state").asText()).isEqualTo("paused");
        // --json prints only JSON; the words come without it.
        out.getBuffer().setLength(0);
        assertThat(run("campaign", "status", ID, "--outputs", outputsFile))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("state       paused since", "(wrong help line)");
    }

    @Test
    @Order(1)
    void pauseTwice_refusedWithExit1() {
        assertThat(run("campaign", "pause", ID, "--outputs", outputsFile)).isEqualTo(1);
        assertThat(err.toString()).contains("refused: a paused campaign cannot be paused");
    }

    @Test
    @Order(2)
    void resumeThenCancel_thenResumeOrCancelAgain_refused() {
        assertThat(run("campaign", "resume", ID, "--outputs", outputsFile, "--reason", "fixed"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("paused -> active");
        assertThat(run("campaign", "cancel", ID, "--outputs", outputsFile, "--reason", "regulator asked"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("active -> cancelled");

        assertThat(run("campaign", "resume", ID, "--outputs", outputsFile)).isEqualTo(1);
        assertThat(err.toString()).contains("refused: a cancelled campaign cannot be resumed", "nothing was changed");
        assertThat(run("campaign", "cancel", ID, "--outputs", outputsFile)).isEqualTo(1);
        assertThat(run("campaign", "pause", "no-such-campaign", "--outputs", outputsFile))
                .isEqualTo(1);
        assertThat(err.toString()).contains("no campaign no-such-campaign");

        // Each move that happened is on the audit trail, in order; the refused ones are not.
        out.getBuffer().setLength(0);
        assertThat(run("campaign", "audit", ID, "--outputs", outputsFile))
                .as(err.toString())
                .isZero();
        String trail = out.toString();
        assertThat(trail).containsSubsequence("campaign.pause", "campaign.resume", "campaign.cancel");
        assertThat(trail).contains("regulator asked");
    }

    @Test
    @Order(3)
    void recount_agreesWhileTheCountersMatch_exit1WhenARecordIsUncounted() {
        assertThat(run("campaign", "recount", ID, "--outputs", outputsFile, "--json"))
                .as(out.toString() + err.toString())
                .isZero();
        assertThat(out.toString()).contains("counters and records agree");

        // A delivery written behind the counters' back: the recount must see it.
        String hex = UUID.randomUUID().toString().replace("-", "");
        aws.dynamoDb()
                .putItem(b -> b.tableName(stack.outputs().get("DeliveryTableName"))
                        .item(Map.of(
                                "contactKey", AttributeValue.fromS("E1" + hex + hex),
                                "notice", AttributeValue.fromS(ID + "#email"),
                                "campaignId", AttributeValue.fromS(ID),
                                "channel", AttributeValue.fromS("email"),
                                "status", AttributeValue.fromS("sent"),
                                "referenceHash", AttributeValue.fromS("r-" + hex),
                                "updatedAt", AttributeValue.fromN("0"))));

        assertThat(run("campaign", "recount", ID, "--outputs", outputsFile)).isEqualTo(1);
        assertThat(out.toString()).contains("DISAGREE", "sent: counters 0, records 1");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return BreachNoticeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }
}
