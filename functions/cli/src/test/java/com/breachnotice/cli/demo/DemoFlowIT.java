package com.breachnotice.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.breachnotice.aws.dynamodb.DynamoDbDeliveryLog;
import com.breachnotice.aws.secrets.SecretsManagerPepperSource;
import com.breachnotice.cli.Json;
import com.breachnotice.cli.manifest.SyntheticManifest;
import com.breachnotice.cli.notice.DefaultNotices;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.contact.ContactNormalizer;
import com.breachnotice.core.delivery.Delivery;
import com.breachnotice.core.delivery.DeliveryHistory;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.ManifestReader;
import com.breachnotice.core.manifest.ManifestRow;
import com.breachnotice.core.manifest.ManifestSummary;
import com.breachnotice.core.manifest.ManifestVisitor;
import com.breachnotice.core.manifest.Rejection;
import com.breachnotice.emulator.LocalEmulator;
import com.breachnotice.emulator.RecordedEmail;
import com.breachnotice.emulator.RecordedSms;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The demo's own code path ({@code demo --exit}) for 500 customers on the local emulator, then the
 * invariants the issue names: nobody lost, one delivery per contact and channel of the policy, what the
 * emulator recorded matches the deliveries one to one, the lookup answers with the right items, and
 * no synthetic contact or name in the logs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoFlowIT {

    private static final int CUSTOMERS = 500;
    private static final long SEED = 42;
    private static final ObjectMapper LOG_LINES = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("(?:code is|인증번호는)\\s+([0-9A-Z-]{4,12})");

    private static DemoFlow flow;
    private static DemoFlow.Report report;
    private static Expected expected;
    private static LocalEmulator emulator;
    private static final StringWriter operator = new StringWriter();
    /** The lookup's challenge id and the code of test 4, which no log line may hold. */
    private static final List<String> challengeSecrets = new ArrayList<>();
    /** A function's handler class, whose lines are written inside an invocation. */
    private static final Pattern HANDLER_LOGGER =
            Pattern.compile("com\\.breachnotice\\.(intake|planner|sender|events|lookup)\\.\\w+Handler");

    @BeforeAll
    static void runTheDemo() throws Exception {
        emulator = LocalEmulator.shared();
        Path work = Path.of("target", "it-demo").toAbsolutePath();
        DemoFlow.Options options = new DemoFlow.Options(
                CUSTOMERS,
                Optional.empty(),
                0,
                "it-demo-" + UUID.randomUUID().toString().substring(0, 8),
                SEED,
                work,
                DemoFlow.Options.defaultConcurrency(),
                // One first notice: the exactly-once checks below count one campaign.
                false);
        flow = new DemoFlow(emulator, new PrintWriter(operator, true), Clock.systemUTC());
        report = flow.run(options);
        expected = Expected.of(flow.manifestFile());
    }

    @AfterAll
    static void stop() {
        if (flow != null) {
            flow.close();
        }
    }

    @Test
    @Order(1)
    void report_nobodyLost_everyPlannedDeliveryTerminal() {
        assertThat(report.customers()).isEqualTo(CUSTOMERS);
        assertThat(report.accepted() + report.rejected()).isEqualTo(CUSTOMERS);
        assertThat(report.accepted()).isEqualTo(expected.summary.accepted());
        assertThat(report.rejected()).isEqualTo(expected.summary.rejected()).isPositive();
        assertThat(report.subjects()).isEqualTo(expected.summary.subjects());
        assertThat(report.finished()).isTrue();
        assertThat(report.pending()).isZero();
        assertThat(report.planned()).isEqualTo(expected.emails.size() + expected.smsPhones.size());
        assertThat(report.sent()).isEqualTo(report.planned());
        assertThat(report.failed()).isZero();
        assertThat(Json.line(report.json())).startsWith("{\"customers\":" + CUSTOMERS + ",");
    }

    @Test
    @Order(2)
    void deliveries_exactlyOnePerContactAndChannelOfThePolicy() {
        ContactKeyer keyer = new ContactKeyer(new SecretsManagerPepperSource(
                        flow.aws().secretsManager(), flow.stack().physicalId("PepperSecret"))
                .pepper());
        DeliveryHistory log =
                new DynamoDbDeliveryLog(flow.aws().dynamoDb(), flow.stack().physicalId("DeliveryTable"));
        for (Contact email : expected.emails.values()) {
            assertThat(channels(log.forContact(keyer.keyOf(email)))).containsExactly(Channel.EMAIL);
        }
        for (Map.Entry<String, Contact> phone : expected.phones.entrySet()) {
            List<Channel> channels = channels(log.forContact(keyer.keyOf(phone.getValue())));
            if (expected.smsPhones.contains(phone.getKey())) {
                assertThat(channels).containsExactly(Channel.SMS);
            } else {
                assertThat(channels).isEmpty();
            }
        }
    }

    @Test
    @Order(3)
    void emulator_recordedOneMessagePerDelivery() {
        Set<String> subjects = DefaultNotices.firstNotice().values().stream()
                .map(NoticeText::subject)
                .collect(Collectors.toSet());
        List<RecordedEmail> notices = emulator.recordedEmails().stream()
                .filter(email -> subjects.contains(email.subject()))
                .toList();
        assertThat(notices).hasSize(expected.emails.size());
        List<String> recipients = new ArrayList<>();
        for (RecordedEmail email : notices) {
            assertThat(email.to()).hasSize(1);
            recipients.add(ContactNormalizer.korea()
                    .email(email.to().get(0))
                    .map(Contact::lookupForm)
                    .orElse("not an address"));
            assertThat(email.text()).isNotNull().doesNotContain("{{").contains("-");
            assertThat(email.html()).isNotNull().doesNotContain("{{");
        }
        assertThat(recipients).doesNotHaveDuplicates();
        assertThat(new HashSet<>(recipients)).isEqualTo(expected.emails.keySet());
        assertThat(report.emailsRecorded()).isEqualTo(expected.emails.size());

        List<RecordedSms> sms = emulator.recordedSms();
        List<String> numbers = sms.stream().map(RecordedSms::phoneNumber).toList();
        assertThat(numbers).doesNotHaveDuplicates();
        assertThat(new HashSet<>(numbers)).isEqualTo(expected.smsPhones);
        assertThat(report.smsRecorded()).isEqualTo(expected.smsPhones.size());
        sms.forEach(message -> assertThat(message.message()).doesNotContain("{items}", "{reference}"));
    }

    @Test
    @Order(4)
    void lookup_verifiedContact_seesItsItems() throws Exception {
        String address = flow.sampleEmail().orElseThrow();
        Contact contact = ContactNormalizer.korea().email(address).orElseThrow();
        URI base = URI.create("http://127.0.0.1:" + flow.httpPort());
        HttpClient http = HttpClient.newHttpClient();
        int before = emulator.recordedEmails().size();

        JsonNode started = post(http, base.resolve("/v1/challenges"), Map.of("contact", address));
        String challengeId = started.path("challengeId").asText();
        assertThat(challengeId).isNotBlank();

        String code = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> codeSentTo(contact.lookupForm(), before), Optional::isPresent)
                .orElseThrow();
        challengeSecrets.add(challengeId);
        challengeSecrets.add(code);
        JsonNode verified = post(http, base.resolve("/v1/challenges/" + challengeId + "/verify"), Map.of("code", code));

        Set<String> items = new HashSet<>();
        verified.path("items")
                .forEach(item -> items.add(
                        item.isTextual() ? item.asText() : item.path("code").asText()));
        Set<String> wanted = expected.itemsByEmail.get(contact.lookupForm()).stream()
                .map(ItemKind::code)
                .collect(Collectors.toSet());
        assertThat(items).isEqualTo(wanted);
    }

    @Test
    @Order(5)
    void logs_holdNoSyntheticContactOrName() throws IOException {
        String logFile = System.getProperty("breachnotice.log.file", "");
        assertThat(logFile)
                .as("the IT logs to a file (failsafe systemPropertyVariables)")
                .endsWith(".log");
        String logs = Files.readString(Path.of(logFile), StandardCharsets.UTF_8);
        assertThat(logs).as("logs were captured").contains("it-demo-");
        List<String> leaks = new ArrayList<>();
        for (String secret : expected.secrets) {
            if (logs.contains(secret)) {
                leaks.add(secret.length() > 3 ? secret.substring(0, 3) + "…" : "a name");
            }
        }
        assertThat(leaks).as("personal values found in the logs").isEmpty();
        assertThat(operator.toString()).doesNotContain("@example.");
    }

    /**
     * The functions log in the local runtime as on Lambda: every line one JSON object with a timestamp,
     * a level, the logger and the message; a handler's lines carry the invocation's request id. The
     * challenge id and the code of test 4 are in no line (a challenge id next to its outcome would tell
     * whether a contact is registered).
     */
    @Test
    @Order(6)
    void logs_areJsonLinesWithLevelAndRequestId_neverAChallengeIdOrCode() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(System.getProperty("breachnotice.log.file")));
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                JsonNode event = LOG_LINES.readTree(line);
                assertThat(event.isObject()).as("a JSON object: %s", line).isTrue();
                assertThat(event.path("level").asText())
                        .as("level of %s", line)
                        .isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");
                assertThat(event.path("timestamp").asText())
                        .as("timestamp of %s", line)
                        .endsWith("Z");
                assertThat(event.path("logger").asText())
                        .as("logger of %s", line)
                        .isNotBlank();
                assertThat(event.has("message")).as("message of %s", line).isTrue();
                events.add(event);
            }
        }
        List<JsonNode> handlerLines = events.stream()
                .filter(event ->
                        HANDLER_LOGGER.matcher(event.path("logger").asText()).matches())
                .toList();
        assertThat(handlerLines)
                .extracting(event -> event.path("logger").asText().replaceAll(".*\\.", ""))
                .contains(
                        "ManifestUploadedHandler",
                        "IngestHandler",
                        "PlanHandler",
                        "NoticeHandler",
                        "ChallengeCodeHandler",
                        "LookupHandler");
        assertThat(handlerLines)
                .allSatisfy(event -> assertThat(event.path("requestId").asText())
                        .as("requestId of %s", event)
                        .isNotBlank());
        assertThat(handlerLines)
                .filteredOn(event -> event.path("logger").asText().endsWith(".PlanHandler"))
                .allSatisfy(
                        event -> assertThat(event.path("messageId").asText()).isNotBlank())
                .allSatisfy(
                        event -> assertThat(event.path("campaignId").asText()).isNotBlank());

        assertThat(challengeSecrets).as("test 4 ran").hasSize(2);
        String logs = String.join("\n", lines);
        assertThat(logs).as("the challenge id in the logs").doesNotContain(challengeSecrets.get(0));
        assertThat(Pattern.compile("(?<![0-9A-Za-z])" + Pattern.quote(challengeSecrets.get(1)) + "(?![0-9A-Za-z])")
                        .matcher(logs)
                        .find())
                .as("the code in the logs")
                .isFalse();
    }

    private static List<Channel> channels(List<Delivery> deliveries) {
        List<Channel> channels = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            if (delivery.id().campaignId().equals(DemoFlow.CAMPAIGN_ID)) {
                // Emails stay sent (the emulator sends no SES events); texts may already be delivered:
                // the local runtime feeds SNS's SMS delivery-status logs to SmsResultFunction.
                assertThat(delivery.status())
                        .isIn(
                                DeliveryStatus.SENT,
                                delivery.id().channel() == Channel.SMS
                                        ? DeliveryStatus.DELIVERED
                                        : DeliveryStatus.SENT);
                channels.add(delivery.id().channel());
            }
        }
        return channels;
    }

    private static Optional<String> codeSentTo(String address, int skip) {
        List<RecordedEmail> emails = emulator.recordedEmails();
        for (RecordedEmail email : emails.subList(Math.min(skip, emails.size()), emails.size())) {
            boolean toAddress = email.to().stream()
                    .map(to -> ContactNormalizer.korea()
                            .email(to)
                            .map(Contact::lookupForm)
                            .orElse(""))
                    .anyMatch(address::equals);
            Matcher matcher = CODE.matcher(String.valueOf(email.text()));
            if (toAddress && matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    private static JsonNode post(HttpClient http, URI uri, Map<String, String> body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Json.line(new LinkedHashMap<>(body))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("POST %s: %s", uri.getPath(), response.body())
                .isBetween(200, 299);
        return Json.mapper().readTree(response.body());
    }

    /** What the manifest says must happen under the email-first policy, read with intake's own reader. */
    private static final class Expected implements ManifestVisitor {
        private ManifestSummary summary;
        private final Map<String, Contact> emails = new HashMap<>();
        private final Map<String, Contact> phones = new HashMap<>();
        private final Set<String> smsPhones = new HashSet<>();
        private final Map<String, Set<ItemKind>> itemsByEmail = new HashMap<>();
        private final Set<String> secrets = new HashSet<>();

        static Expected of(Path manifest) throws IOException {
            Expected expected = new Expected();
            try (InputStream in = Files.newInputStream(manifest)) {
                expected.summary = new ManifestReader(ContactNormalizer.korea()).read(in, expected);
            }
            Iterator<SyntheticManifest.Row> rows = new SyntheticManifest(SEED).rows(CUSTOMERS);
            while (rows.hasNext()) {
                SyntheticManifest.Row row = rows.next();
                for (String value : List.of(row.name(), row.email(), row.phone())) {
                    if (!value.isEmpty()) {
                        expected.secrets.add(value);
                    }
                }
            }
            return expected;
        }

        @Override
        public void accepted(ManifestRow row) {
            row.email().ifPresent(email -> {
                emails.put(email.lookupForm(), email);
                itemsByEmail
                        .computeIfAbsent(email.lookupForm(), e -> EnumSet.noneOf(ItemKind.class))
                        .addAll(row.items());
                secrets.add(email.value());
            });
            row.phone().ifPresent(phone -> {
                phones.put(phone.lookupForm(), phone);
                secrets.add(phone.value());
                // Email-first: a phone is texted when it can take SMS and one of its owners has no usable email.
                if (phone.smsCapable() && row.email().isEmpty()) {
                    smsPhones.add(phone.lookupForm());
                }
            });
        }

        @Override
        public void rejected(Rejection rejection) {}
    }
}
