package com.breachnotice.bench.proof;

import com.breachnotice.cli.Json;
import com.breachnotice.cli.demo.DemoFlow;
import com.breachnotice.emulator.LocalEmulator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The proof-of-notice export at scale: the demo's flow on the local emulator loads N synthetic
 * customers and runs the first notice to its end (real handlers in the local runtime); then {@code
 * breach-notice campaign export} runs in a child JVM limited to {@code -Xmx256m} and writes the CSV
 * with its digest. Reported: rows, seconds, rows per second, the deliveries counted independently
 * (a {@code COUNT} scan of the deliveries table), and whether {@code sha256sum -c} verifies the file.
 *
 * <p>Usage: {@code bench/proof/run [--contacts N] [--heap 256m] [--format csv|jsonl]}.
 */
public final class ProofBench {

    private ProofBench() {}

    public static void main(String[] args) throws Exception {
        int contacts = 20_000;
        String heap = "256m";
        String format = "csv";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--contacts" -> contacts = Integer.parseInt(args[++i]);
                case "--heap" -> heap = args[++i];
                case "--format" -> format = args[++i];
                default -> {
                    System.err.println("usage: bench/proof/run [--contacts N] [--heap 256m] [--format csv|jsonl]");
                    System.exit(2);
                }
            }
        }
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Path work = Files.createDirectories(Path.of("bench/proof/target/run-" + contacts));
        LocalEmulator emulator = LocalEmulator.shared();
        emulator.applyToSystemProperties();
        DemoFlow flow = new DemoFlow(emulator, err, Clock.systemUTC());
        try {
            DemoFlow.Options options = new DemoFlow.Options(
                    contacts,
                    Optional.empty(),
                    0,
                    "bn-proof-" + contacts,
                    42L,
                    work,
                    DemoFlow.Options.defaultConcurrency(),
                    false);
            DemoFlow.Report report = flow.run(options);
            if (!report.finished() || report.pending() > 0) {
                err.println("the campaign did not finish: " + Json.line(report.json()));
                System.exit(1);
            }
            Map<String, String> outputs = flow.stack().outputs();
            Path outputsFile = work.resolve("outputs.json");
            Files.writeString(outputsFile, Json.line(new LinkedHashMap<>(outputs)));
            long deliveries = countDeliveries(
                    flow.aws().dynamoDb(),
                    Objects.requireNonNull(outputs.get("DeliveryTableName"), "DeliveryTableName"));

            Path out = work.resolve("proof-" + contacts + "." + format).toAbsolutePath();
            JsonNode export = exportInChildJvm(emulator, heap, outputsFile, out, err);
            boolean verified = sha256sumCheck(out);

            Map<String, Object> result = new LinkedHashMap<>();
            result.put("contacts", contacts);
            result.put("campaign_seconds", Math.round(report.seconds() * 10) / 10.0);
            result.put("deliveries_counted", deliveries);
            result.put("planned", report.planned());
            result.put("heap", heap);
            result.put("rows", export.get("rows").asLong());
            result.put("export_seconds", export.get("seconds").asDouble());
            result.put("rows_per_second", export.get("rows_per_second").asLong());
            result.put("rows_equal_deliveries", export.get("rows").asLong() == deliveries);
            result.put("digest_verifies", verified);
            result.put("file_bytes", Files.size(out));
            result.put("summary", export.get("summary"));
            System.out.printf(
                    "%nproof export, %d contacts: %d rows in %.2f s (%d rows/s) under -Xmx%s; deliveries %d,"
                            + " rows equal deliveries: %s; sha256sum -c: %s%n",
                    contacts,
                    export.get("rows").asLong(),
                    export.get("seconds").asDouble(),
                    export.get("rows_per_second").asLong(),
                    heap,
                    deliveries,
                    export.get("rows").asLong() == deliveries,
                    verified ? "OK" : "FAILED");
            System.out.println(Json.line(result));
            System.out.flush();
            flow.close();
            System.exit(export.get("rows").asLong() == deliveries && verified ? 0 : 1);
        } catch (RuntimeException | Error e) {
            flow.close();
            throw e;
        }
    }

    /** The campaign's deliveries counted by the table itself, independently of the export. */
    static long countDeliveries(DynamoDbClient dynamoDb, String table) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder request = ScanRequest.builder()
                    .tableName(table)
                    .select(Select.COUNT)
                    .filterExpression("campaignId = :c")
                    .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(DemoFlow.CAMPAIGN_ID)));
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            ScanResponse response = dynamoDb.scan(request.build());
            count += response.count();
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
        return count;
    }

    /** {@code breach-notice campaign export} as an operator runs it, in a JVM with the given heap. */
    static JsonNode exportInChildJvm(LocalEmulator emulator, String heap, Path outputs, Path out, PrintWriter err)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-Dbreachnotice.log.level=warn");
        String recording = System.getenv("PROOF_BENCH_JFR");
        if (recording != null && !recording.isBlank()) {
            command.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("com.breachnotice.cli.BreachNoticeCli");
        command.addAll(List.of(
                "campaign",
                "export",
                DemoFlow.CAMPAIGN_ID,
                "--outputs",
                outputs.toAbsolutePath().toString(),
                "--out",
                out.toString(),
                "--summary",
                "--json"));
        err.println("export: java -Xmx" + heap + " ... campaign export " + DemoFlow.CAMPAIGN_ID + " --out " + out);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(emulator.environment());
        Process process = builder.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("the export failed (exit " + process.exitValue() + "): " + stdout);
        }
        String[] lines = stdout.strip().split("\n");
        return Json.mapper().readTree(lines[lines.length - 1]);
    }

    static boolean sha256sumCheck(Path file) throws Exception {
        Process check = new ProcessBuilder("sha256sum", "-c", file.getFileName() + ".sha256")
                .directory(Objects.requireNonNull(file.toAbsolutePath().getParent(), "a file has a directory")
                        .toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = check.waitFor(5, TimeUnit.MINUTES);
        System.err.print("sha256sum -c: " + output);
        return done && check.exitValue() == 0;
    }
}
