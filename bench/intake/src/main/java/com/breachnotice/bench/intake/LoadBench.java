package com.breachnotice.bench.intake;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.dynamodb.DynamoDbIntakeLedger;
import com.breachnotice.cli.Json;
import com.breachnotice.cli.manifest.ManifestCheck;
import com.breachnotice.cli.manifest.SyntheticManifest;
import com.breachnotice.core.intake.IntakeStatus;
import com.breachnotice.core.intake.ManifestUpload;
import com.breachnotice.emulator.LocalEmulator;
import com.breachnotice.emulator.ProvisionedStack;
import com.breachnotice.emulator.ResourceProvisioner;
import com.breachnotice.intake.ManifestUploadedHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Loads a generated manifest into the local emulator the way AWS would: the upload handler splits it
 * into at least {@code RANGES} byte ranges (in this JVM), and a separate worker JVM capped at
 * {@code -Xmx256m} loads the ranges from the ingest queue with {@code WORKERS} handler instances
 * (one per simulated Lambda container, each with its own data key and pepper read). Prints, as the
 * last line, the subjects in the table against {@code manifest check}'s count, DynamoDB requests per
 * 1,000 rows and KMS calls, both counted by an SDK interceptor in the worker.
 *
 * <p>Usage: {@code LoadBench [ROWS] [RANGES] [WORKERS]} (defaults: 200000, 8, 4).
 */
public final class LoadBench {

    private LoadBench() {}

    @SuppressWarnings("NullAway") // the handlers never read the Lambda context
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int ranges = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 4;

        Path manifest = Files.createTempFile("load-bench", ".csv");
        try (OutputStream out = Files.newOutputStream(manifest)) {
            new SyntheticManifest(11).write(out, rows);
        }
        ManifestCheck.Result check;
        try (InputStream in = Files.newInputStream(manifest)) {
            check = ManifestCheck.korea().check(in);
        }
        System.out.println("manifest check: " + Json.line(check.json()));

        LocalEmulator emulator = LocalEmulator.shared();
        emulator.applyToSystemProperties();
        ProvisionedStack stack = ResourceProvisioner.forEmulator(emulator)
                .provision("bench-intake-" + UUID.randomUUID().toString().substring(0, 6));
        String bucket = stack.physicalId("ManifestBucket");
        String key = "manifests/load-bench-" + rows + ".csv";
        long size = Files.size(manifest);
        try (AwsClients aws = new AwsClients()) {
            PutObjectResponse put = aws.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(manifest));
            Map<String, String> uploaded = new HashMap<>(emulator.environment());
            uploaded.putAll(stack.functionEnvironment("ManifestUploadedFunction"));
            long headerBytes = SyntheticManifest.HEADER.length() + 1;
            uploaded.put("INTAKE_RANGE_BYTES", Long.toString(Math.max(1, (size - headerBytes) / ranges - 1_000)));
            long started = System.nanoTime();
            new ManifestUploadedHandler(uploaded).handleRequest(event(bucket, key, size, put.eTag()), null);
            double splitSeconds = (System.nanoTime() - started) / 1e9;
            String manifestId = new ManifestUpload(bucket, key, size, put.eTag()).manifestId();
            DynamoDbIntakeLedger ledger = new DynamoDbIntakeLedger(aws.dynamoDb(), stack.physicalId("IntakeTable"));
            int queued = Integer.parseInt(aws.sqs()
                    .getQueueAttributes(b -> b.queueUrl(stack.physicalId("IngestQueue"))
                            .attributeNamesWithStrings("ApproximateNumberOfMessages"))
                    .attributesAsStrings()
                    .get("ApproximateNumberOfMessages"));
            System.out.printf(Locale.ROOT, "split into %d ranges in %.2f s%n", queued, splitSeconds);

            Path environment = Files.createTempFile("ingest-env", ".properties");
            Properties properties = new Properties();
            properties.putAll(emulator.environment());
            properties.putAll(stack.functionEnvironment("IngestFunction"));
            try (OutputStream out = Files.newOutputStream(environment)) {
                properties.store(out, "ingest function environment for the bench worker");
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    IngestWorker.class.getName(),
                    environment.toString(),
                    manifestId,
                    Integer.toString(workers)));
            ProcessBuilder worker = new ProcessBuilder(command).redirectErrorStream(true);
            worker.environment().putAll(emulator.environment());
            long loadStarted = System.nanoTime();
            Process process = worker.start();
            String lastLine = "";
            try (var lines = process.inputReader(StandardCharsets.UTF_8)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    System.out.println("  worker | " + line);
                    lastLine = line;
                }
            }
            int exit = process.waitFor();
            double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
            Files.delete(environment);
            if (exit != 0) {
                throw new IllegalStateException("the worker JVM exited " + exit);
            }
            IntakeStatus status = ledger.find(manifestId).orElseThrow();
            long subjects = count(aws, stack.physicalId("SubjectTable"));
            Map<String, Object> worked = new LinkedHashMap<>(Json.mapper()
                    .readValue(lastLine, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {}));
            long dynamoDb = ((Number) java.util.Objects.requireNonNull(worked.get("dynamodb_requests"))).longValue();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("rows", rows);
            result.put("bytes", size);
            result.put("ranges", queued);
            result.put("workers", workers);
            result.put("worker_heap", "-Xmx256m");
            result.put("state", status.state().name().toLowerCase(Locale.ROOT));
            result.put("accepted", status.accepted());
            result.put("rejected", status.rejected());
            result.put("subjects_in_table", subjects);
            result.put("subjects_manifest_check", check.summary().subjects());
            result.put("subjects_equal", subjects == check.summary().subjects());
            result.put("dynamodb_requests", dynamoDb);
            result.put("dynamodb_requests_per_1000_rows", Math.round(dynamoDb * 10_000.0 / rows) / 10.0);
            result.put("kms_calls", worked.get("kms_requests"));
            result.put("worker_peak_heap_mib", worked.get("peak_heap_mib"));
            result.put("load_seconds", Math.round(loadSeconds * 10) / 10.0);
            result.put("rows_per_second", Math.round(rows / loadSeconds));
            System.out.println(Json.line(result));
        } finally {
            Files.deleteIfExists(manifest);
        }
        System.exit(0);
    }

    private static long count(AwsClients aws, String table) {
        long count = 0;
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> start = null;
        do {
            var from = start;
            ScanResponse page = aws.dynamoDb().scan(b -> {
                b.tableName(table).select(Select.COUNT);
                if (from != null) {
                    b.exclusiveStartKey(from);
                }
            });
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    private static S3Event event(String bucket, String key, long size, String etag) {
        return new S3Event(List.of(new S3EventNotification.S3EventNotificationRecord(
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
                new S3EventNotification.UserIdentityEntity("uploader"))));
    }
}
