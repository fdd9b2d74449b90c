package com.breachnotice.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.dynamodb.DynamoDbIntakeLedger;
import com.breachnotice.core.contact.ContactNormalizer;
import com.breachnotice.core.intake.IntakeStatus;
import com.breachnotice.core.intake.ManifestUpload;
import com.breachnotice.core.manifest.ManifestReader;
import com.breachnotice.core.manifest.ManifestRow;
import com.breachnotice.core.manifest.ManifestSummary;
import com.breachnotice.core.manifest.ManifestVisitor;
import com.breachnotice.core.manifest.Rejection;
import com.breachnotice.emulator.LocalEmulator;
import com.breachnotice.emulator.ProvisionedStack;
import com.breachnotice.emulator.ResourceProvisioner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The intake functions end to end on the emulator, through their real handlers and event types: an
 * upload is split into many ranges, the ranges are loaded from the ingest queue (out of order), and
 * then the tables are scanned for the synthetic raw values, which must appear nowhere, and neither in
 * any log line. Counts must equal one pass of the reader (what {@code manifest check} prints).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntakeFlowIT {

    private static final int CUSTOMERS = 400;
    private static final PrintStream OUT = System.out;
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();

    private static ProvisionedStack stack;
    private static AwsClients aws;
    private static Map<String, String> uploadedEnvironment;
    private static Map<String, String> ingestEnvironment;
    private static String bucket;

    @BeforeAll
    static void provision() {
        LocalEmulator emulator = LocalEmulator.shared();
        emulator.applyToSystemProperties();
        stack = ResourceProvisioner.forEmulator(emulator)
                .provision("it-intakeflow-" + UUID.randomUUID().toString().substring(0, 6));
        aws = new AwsClients();
        uploadedEnvironment = new HashMap<>(emulator.environment());
        uploadedEnvironment.putAll(stack.functionEnvironment("ManifestUploadedFunction"));
        ingestEnvironment = new HashMap<>(emulator.environment());
        ingestEnvironment.putAll(stack.functionEnvironment("IngestFunction"));
        // Small ranges, so that this small manifest is cut into many of them.
        uploadedEnvironment.put("INTAKE_RANGE_BYTES", "2000");
        bucket = stack.physicalId("ManifestBucket");
        // The functions' log4j2.xml writes to whatever System.out is at the time of each line (follow).
        System.setOut(new PrintStream(new TeeStream(OUT, LOG), true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void close() {
        System.setOut(OUT);
        aws.close();
    }

    @Test
    @Order(1)
    void upload_manyRanges_countsEqualOnePass_noRawValueStoredOrLogged_reloadChangesNothing() throws IOException {
        Synthetic manifest = Synthetic.generate(CUSTOMERS);
        ManifestSummary expected = onePass(manifest.bytes());
        assertThat(expected.accepted())
                .as("most rows load, so the tables hold something to search")
                .isGreaterThan(CUSTOMERS / 2);

        IntakeStatus status = load("manifests/flow.csv", manifest.bytes());

        assertThat(status.state()).isEqualTo(IntakeStatus.State.LOADED);
        assertThat(status.rows()).isEqualTo(expected.rows());
        assertThat(status.accepted()).isEqualTo(expected.accepted());
        assertThat(status.rejected()).isEqualTo(expected.rejected());
        assertThat(status.blank()).isEqualTo(expected.blank());
        List<Map<String, AttributeValue>> subjects = scan("SubjectTable");
        List<Map<String, AttributeValue>> contacts = scan("ContactTable");
        assertThat((long) subjects.size()).isEqualTo(expected.subjects());
        String rejects = aws.s3()
                .getObjectAsBytes(b -> b.bucket(bucket).key(status.rejectsKey().orElseThrow()))
                .asUtf8String();
        assertThat(rejects.lines().count() - 1).isEqualTo(expected.rejected());

        List<String> stored = new ArrayList<>();
        subjects.forEach(item -> strings(item, stored));
        contacts.forEach(item -> strings(item, stored));
        scan("IntakeTable").forEach(item -> strings(item, stored));
        String log = LOG.toString(StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        assertThat(log).contains("manifest loaded");
        for (String secret : manifest.secrets()) {
            String needle = secret.toLowerCase(Locale.ROOT);
            assertThat(stored)
                    .as("stored values")
                    .noneMatch(value -> value.toLowerCase(Locale.ROOT).contains(needle));
            assertThat(log).as("log lines").doesNotContain(needle);
        }

        // The same object again, and the same bytes under another key: nothing changes.
        IntakeStatus again = load("manifests/flow-again.csv", manifest.bytes());
        assertThat(again)
                .extracting(IntakeStatus::rows, IntakeStatus::accepted, IntakeStatus::rejected)
                .containsExactly(status.rows(), status.accepted(), status.rejected());
        assertThat(scan("SubjectTable")).hasSameSizeAs(subjects);
        assertThat(scan("ContactTable")).hasSameSizeAs(contacts);
    }

    /** Second: the first test counts the tables absolutely, and this one adds address-book subjects. */
    @Test
    @Order(2)
    void upload_addressBookBesideCustomers_manyRanges_peopleByPhone_bothRoles_noRawValueStoredOrLogged()
            throws IOException {
        StringBuilder owners = new StringBuilder("customer_id,name,email,phone,locale,affected\n");
        for (int i = 0; i < 300; i += 3) {
            owners.append("b")
                    .append(i)
                    .append(",,,")
                    .append(String.format("010-%04d-%04d", 7000 + i / 10, 1000 + i))
                    .append(",ko,name;phone\n");
        }
        load("manifests/book-owners.csv", owners.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder csv = new StringBuilder("owner_customer_id,name,phone,locale,affected\n");
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String name = "받는분" + i;
            // Every third entry has the phone of customer b(i) of the owners' manifest above.
            String phone = i % 3 == 0
                    ? String.format("010-%04d-%04d", 7000 + i / 10, 1000 + i)
                    : String.format("010-%04d-%04d", 6000 + i % 40, 2000 + i % 40);
            secrets.add(name);
            secrets.add(phone.replace("-", ""));
            secrets.add("10" + phone.substring(4).replace("-", ""));
            String row = switch (i % 10) {
                case 4 -> "c" + i + "," + name + ",02-312-" + (4000 + i) + ",ko,phone\n";
                case 5 -> "c" + i + "," + name + "," + phone + ",ko,name;address\n";
                default -> "c" + i + "," + name + "," + phone + ",," + "name;phone;address;entrance_code\n";
            };
            csv.append(row);
        }
        byte[] book = csv.toString().getBytes(StandardCharsets.UTF_8);
        ManifestSummary expected = onePass(book);
        int contactsBefore = scan("ContactTable").size();

        IntakeStatus status = load("manifests/book.csv", book);

        assertThat(status.state()).isEqualTo(IntakeStatus.State.LOADED);
        assertThat(status.rows()).isEqualTo(300);
        assertThat(status.accepted()).isEqualTo(expected.accepted());
        assertThat(status.rejected()).isEqualTo(expected.rejected()).isEqualTo(60);
        List<Map<String, AttributeValue>> contacts = scan("ContactTable");
        List<Map<String, AttributeValue>> bookContacts = contacts.stream()
                .filter(item ->
                        item.containsKey("roles") && item.get("roles").ss().contains("address_book"))
                .toList();
        assertThat((long) bookContacts.size()).isEqualTo(expected.subjects());
        long bothRoles = bookContacts.stream()
                .filter(item -> item.get("roles").ss().contains("customer"))
                .count();
        assertThat(bothRoles).isPositive();
        assertThat(contacts.size() - contactsBefore).isEqualTo(bookContacts.size() - (int) bothRoles);
        assertThat(bookContacts)
                .allSatisfy(
                        item -> assertThat(item.get("addressBookItems").ss()).contains("phone"));

        List<String> stored = new ArrayList<>();
        scan("SubjectTable").forEach(item -> strings(item, stored));
        contacts.forEach(item -> strings(item, stored));
        scan("IntakeTable").forEach(item -> strings(item, stored));
        String log = LOG.toString(StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        for (String secret : secrets) {
            String needle = secret.toLowerCase(Locale.ROOT);
            assertThat(stored)
                    .as("stored values")
                    .noneMatch(value -> value.toLowerCase(Locale.ROOT).contains(needle));
            assertThat(log).as("log lines").doesNotContain(needle);
        }
    }

    private static IntakeStatus load(String key, byte[] content) {
        PutObjectResponse put = aws.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
        new ManifestUploadedHandler(uploadedEnvironment).handleRequest(event(key, content.length, put.eTag()), null);
        IngestHandler ingest = new IngestHandler(ingestEnvironment);
        String queue = stack.physicalId("IngestQueue");
        DynamoDbIntakeLedger ledger = new DynamoDbIntakeLedger(aws.dynamoDb(), stack.physicalId("IntakeTable"));
        String manifestId = new ManifestUpload(bucket, key, content.length, put.eTag()).manifestId();
        for (int round = 0; round < 200; round++) {
            IntakeStatus status = ledger.find(manifestId).orElseThrow();
            if (status.state() != IntakeStatus.State.LOADING) {
                return status;
            }
            List<Message> messages = aws.sqs()
                    .receiveMessage(
                            b -> b.queueUrl(queue).maxNumberOfMessages(3).waitTimeSeconds(1))
                    .messages();
            // Last first: ranges need not be loaded in file order.
            List<SQSEvent.SQSMessage> records = new ArrayList<>();
            for (Message message : messages.reversed()) {
                SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
                record.setMessageId(message.messageId());
                record.setBody(message.body());
                records.add(record);
            }
            SQSEvent sqsEvent = new SQSEvent();
            sqsEvent.setRecords(records);
            SQSBatchResponse response = ingest.handleRequest(sqsEvent, null);
            assertThat(response.getBatchItemFailures()).isEmpty();
            for (Message message : messages) {
                aws.sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(message.receiptHandle()));
            }
        }
        throw new AssertionError("the manifest was not loaded after 200 rounds of the ingest queue");
    }

    private static S3Event event(String key, long size, String etag) {
        S3EventNotification.S3EventNotificationRecord record = new S3EventNotification.S3EventNotificationRecord(
                "ap-northeast-2",
                "ObjectCreated:Put",
                "aws:s3",
                "2026-11-29T09:00:00.000Z",
                "2.1",
                new S3EventNotification.RequestParametersEntity("127.0.0.1"),
                new S3EventNotification.ResponseElementsEntity("id2", "request"),
                new S3EventNotification.S3Entity(
                        "manifests",
                        new S3EventNotification.S3BucketEntity(
                                bucket, new S3EventNotification.UserIdentityEntity("owner"), "arn:aws:s3:::" + bucket),
                        new S3EventNotification.S3ObjectEntity(
                                URLEncoder.encode(key, StandardCharsets.UTF_8), size, etag, "", "0001"),
                        "1.0"),
                new S3EventNotification.UserIdentityEntity("uploader"));
        return new S3Event(List.of(record));
    }

    private static List<Map<String, AttributeValue>> scan(String logicalId) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        aws.dynamoDb()
                .scanPaginator(b -> b.tableName(stack.physicalId(logicalId)).consistentRead(true))
                .items()
                .forEach(items::add);
        return items;
    }

    private static void strings(Map<String, AttributeValue> item, List<String> out) {
        item.forEach((name, value) -> {
            out.add(name);
            if (value.s() != null) {
                out.add(value.s());
            }
            if (value.hasSs()) {
                out.addAll(value.ss());
            }
        });
    }

    private static ManifestSummary onePass(byte[] manifest) throws IOException {
        return new ManifestReader(ContactNormalizer.korea())
                .read(new ByteArrayInputStream(manifest), new ManifestVisitor() {
                    @Override
                    public void accepted(ManifestRow row) {}

                    @Override
                    public void rejected(Rejection rejection) {}
                });
    }

    /** A manifest with every kind of row, and the raw values that must never be stored or logged. */
    record Synthetic(byte[] bytes, List<String> secrets) {

        static Synthetic generate(int customers) {
            StringBuilder csv = new StringBuilder("\uFEFFCustomer_ID,Name,Email,Phone,Locale,Affected,Note\r\n");
            List<String> secrets = new ArrayList<>();
            for (int i = 0; i < customers; i++) {
                String name = "테스트" + i + "호";
                String email = "Person" + i + ".Flow@Example.com";
                String phone = String.format("010-%04d-%04d", 7000 + i / 10, 1000 + i);
                secrets.add(name);
                secrets.add(email);
                secrets.add("person" + i + ".flow");
                secrets.add(phone.replace("-", ""));
                secrets.add("10" + phone.substring(4).replace("-", ""));
                String row = switch (i % 10) {
                    case 0 -> "c" + i + ",\"" + name + ", 주니어\"," + email + ",," + "en,name;email\r\n";
                    case 1 -> "c" + i + ",," + ",\"" + phone + "\",,phone; ORDER_HISTORY \r\n";
                    case 2 -> "c" + i + "," + name + ",not-an-email," + phone + ",ko,address_book\r\n";
                    case 3 -> "c" + i + "," + name + "," + email + ",02-312-" + (3000 + i) + ",,entrance_code\r\n";
                    case 4 -> "\r\n";
                    case 5 -> "c" + i + ",\"" + name + "\n둘째 줄\"," + email + ",,,name\r\n";
                    case 6 ->
                        "c" + (i - 3) + "," + name + "," + "Person" + (i - 3) + ".Flow@example.COM,02-312-"
                                + (3000 + i - 3) + ",,phone\r\n";
                    case 7 -> "c" + (i - 7) + ",," + "other" + i + "@example.com,,,name\r\n";
                    case 8 ->
                        "c" + i + "," + name + "," + "person" + (i - 8) + ".flow@example.com," + phone
                                + ",,name;email\r\n";
                    default -> "c" + i + "," + name + "," + email + "," + phone + ",xx,name\r\n";
                };
                // The header has a seventh column (Note): each row gets it, or every row would be
                // rejected as wrong_column_count and nothing would be stored to look for secrets in.
                csv.append(row.isBlank() ? row : row.replace("\r\n", ",note " + i + "\r\n"));
            }
            return new Synthetic(csv.toString().getBytes(StandardCharsets.UTF_8), secrets);
        }
    }

    /** Writes to two streams: the console and the captured log. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
