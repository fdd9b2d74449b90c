package com.breachnotice.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.dynamodb.DynamoDbDeliveryLog;
import com.breachnotice.aws.kms.KmsDataKeyProvider;
import com.breachnotice.cli.BreachNoticeCli;
import com.breachnotice.cli.Json;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.contact.ContactNormalizer;
import com.breachnotice.core.contact.Pepper;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.NoticeProof;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.emulator.LocalEmulator;
import com.breachnotice.emulator.ProvisionedStack;
import com.breachnotice.emulator.ResourceProvisioner;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code campaign export} and {@code campaign audit} on a stack provisioned from template.yaml: the
 * incident is published and the campaign launched through the CLI (both audited), its deliveries and
 * sealed contacts written as the sender and intake write them (no function runs), then exported.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProofCommandIT {

    private static final String ID = "proof-it";
    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    static Path directory;

    private static ProvisionedStack stack;
    private static String outputsFile;
    private static final List<DeliveryId> deliveries = new ArrayList<>();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void provision() throws Exception {
        LocalEmulator emulator = LocalEmulator.shared();
        emulator.applyToSystemProperties();
        stack = ResourceProvisioner.forEmulator(emulator)
                .provision("it-proof-" + UUID.randomUUID().toString().substring(0, 6));
        Path file = directory.resolve("outputs.json");
        Files.writeString(file, Json.line(new LinkedHashMap<>(stack.outputs())));
        outputsFile = file.toString();
    }

    @Test
    @Order(0)
    void publishAndLaunch_areAudited() throws Exception {
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
                        "Proof",
                        "--notice",
                        "first",
                        "--yes"))
                .as(err.toString())
                .isZero();

        assertThat(run("campaign", "audit", ID, "--outputs", outputsFile, "--json"))
                .as(err.toString())
                .isZero();
        JsonNode audit = Json.mapper().readTree(out.toString().strip());
        assertThat(audit.at("/entries/0/action").asText()).isEqualTo("campaign.launch");
        assertThat(audit.at("/entries/0/actor").asText()).startsWith("arn:aws:");
        assertThat(audit.at("/entries/0/host").asText()).isNotBlank();
        assertThat(audit.at("/entries/0/details/policy").asText()).isEqualTo("email-first");

        assertThat(run("campaign", "audit", "incident", "--outputs", outputsFile))
                .isZero();
        assertThat(out.toString()).contains("incident.publish", "examplemall-2025-leak");
    }

    @Test
    @Order(1)
    void export_masked_oneRowPerDelivery_digestVerifies_summaryCounts() throws Exception {
        seed();
        Path csv = directory.resolve("proof.csv");
        int exit =
                run("campaign", "export", ID, "--outputs", outputsFile, "--out", csv.toString(), "--summary", "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode result = Json.mapper().readTree(out.toString().strip());
        assertThat(result.get("rows").asLong()).isEqualTo(deliveries.size());
        assertThat(result.at("/summary/notified/email").asLong()).isEqualTo(2);
        assertThat(result.at("/summary/notified/sms").asLong()).isEqualTo(1);
        assertThat(result.at("/summary/not_reachable").asLong()).isEqualTo(2);
        assertThat(result.at("/summary/failed_by_reason/failed:contact_removed").asLong())
                .isEqualTo(1);
        assertThat(result.at("/summary/failed_by_reason/bounced:Permanent").asLong())
                .isEqualTo(1);
        String text = Files.readString(csv);
        assertThat(text)
                .contains(
                        "# contacts: masked",
                        "a***@example.net",
                        "010-****-5678",
                        "sent@2026-03-02T09:00:00Z delivered@")
                .doesNotContain("alice@example.net", "+821012345678");
        assertThat(sha256sumCheck(csv)).isZero();
    }

    @Test
    @Order(2)
    void export_revealed_saysSo_andIsAudited() throws Exception {
        Path jsonl = directory.resolve("revealed.jsonl");
        assertThat(run("campaign", "export", ID, "--outputs", outputsFile, "--out", jsonl.toString(), "--reveal"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("REVEALED");
        List<String> lines = Files.readAllLines(jsonl);
        assertThat(lines).hasSize(deliveries.size() + 1);
        assertThat(lines.get(0)).contains("REVEALED");
        assertThat(String.join("\n", lines)).contains("alice@example.net", "+821012345678");
        assertThat(sha256sumCheck(jsonl)).isZero();

        assertThat(run("campaign", "audit", ID, "--outputs", outputsFile)).isZero();
        assertThat(out.toString()).contains("campaign.launch", "export ", "export.reveal", "contacts=revealed");
    }

    @Test
    @Order(3)
    void export_unknownCampaignOrExtension_refused() {
        assertThat(run(
                        "campaign",
                        "export",
                        "nope",
                        "--outputs",
                        outputsFile,
                        "--out",
                        directory.resolve("x.csv").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("no campaign nope");
        assertThat(run(
                        "campaign",
                        "export",
                        ID,
                        "--outputs",
                        outputsFile,
                        "--out",
                        directory.resolve("x.xlsx").toString()))
                .isEqualTo(1);
    }

    /** Contacts as intake seals them, records as the sender writes them, one SMS result applied. */
    private static void seed() {
        try (AwsClients aws = new AwsClients()) {
            ContactCipher cipher = new ContactCipher(
                    new KmsDataKeyProvider(aws.kms(), stack.outputs().get("ContactKeyArn")));
            ContactKeyer keyer =
                    new ContactKeyer(new Pepper("proof-it-pepper-0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
            ContactNormalizer normalizer = ContactNormalizer.korea();
            DynamoDbDeliveryLog log =
                    new DynamoDbDeliveryLog(aws.dynamoDb(), stack.outputs().get("DeliveryTableName"));
            List<DeliveryRecord> records = new ArrayList<>();
            NoticeProof told = new NoticeProof(
                    "first", "0123456789ab", List.of(ItemKind.NAME, ItemKind.EMAIL), NoticeLocale.KO, "ef".repeat(32));
            String[][] people = {
                {"alice@example.net", "sent"},
                {"bob@example.org", "bounced"},
                {"carol@example.com", "sent"},
                {"010-1234-5678", "sms"}
            };
            for (String[] person : people) {
                Contact contact = person[1].equals("sms")
                        ? normalizer.phone(person[0]).orElseThrow()
                        : normalizer.email(person[0]).orElseThrow();
                ContactKey key = keyer.keyOf(contact);
                Sealed sealed = cipher.seal(contact.value(), key.value());
                aws.dynamoDb()
                        .putItem(b -> b.tableName(stack.outputs().get("ContactTableName"))
                                .item(Map.of(
                                        "contactKey", AttributeValue.fromS(key.value()),
                                        "valueCipher", AttributeValue.fromS(sealed.ciphertext()),
                                        "dataKey", AttributeValue.fromS(sealed.wrappedKey()),
                                        "smsCapable", AttributeValue.fromBool(contact.smsCapable()),
                                        "locale", AttributeValue.fromS("ko"))));
                DeliveryId id = new DeliveryId(key, ID, person[1].equals("sms") ? Channel.SMS : Channel.EMAIL);
                deliveries.add(id);
                records.add(new DeliveryRecord(
                        id,
                        DeliveryStatus.SENT,
                        "ref-" + deliveries.size(),
                        Optional.of("msg-" + UUID.randomUUID()),
                        Optional.empty(),
                        T,
                        Optional.of(told)));
            }
            log.record(records);
            log.advance(deliveries.get(1), DeliveryStatus.BOUNCED, "Permanent", T.plusSeconds(8));
            log.advance(deliveries.get(3), DeliveryStatus.DELIVERED, null, T.plusSeconds(3));
            DeliveryId unreachable = new DeliveryId(
                    keyer.keyOf(normalizer.email("gone@example.net").orElseThrow()), ID, Channel.EMAIL);
            log.recordUnreachable(unreachable, "contact_removed", T);
            deliveries.add(unreachable);
        }
    }

    private static int sha256sumCheck(Path file) throws Exception {
        Process check = new ProcessBuilder("sha256sum", "-c", file.getFileName() + ".sha256")
                .directory(file.getParent().toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return check.exitValue();
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return BreachNoticeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }
}
