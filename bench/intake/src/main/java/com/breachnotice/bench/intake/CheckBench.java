package com.breachnotice.bench.intake;

import com.breachnotice.cli.BreachNoticeCli;
import com.breachnotice.core.intake.IntakeService;
import com.breachnotice.core.manifest.ManifestSplitter;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code manifest check} of a generated manifest, through the real CLI command: generates the file
 * (unless it exists), checks it once to warm the JVM up on a small file, then checks the big one and
 * prints the CLI's JSON line and the rows per second of the check alone.
 *
 * <p>Usage: {@code CheckBench [ROWS] [FILE]} (defaults: 1000000, target/manifest-ROWS.csv).
 */
public final class CheckBench {

    private CheckBench() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path file = Path.of(args.length > 1 ? args[1] : "target/manifest-" + rows + ".csv");
        if (!Files.exists(file)) {
            run(
                    "manifest",
                    "generate",
                    "--customers",
                    Integer.toString(rows),
                    "--seed",
                    "11",
                    "--out",
                    file.toString());
        }
        Path warmUp = Files.createTempFile("warm-up", ".csv");
        run("manifest", "generate", "--customers", "50000", "--seed", "3", "--out", warmUp.toString());
        run("manifest", "check", warmUp.toString(), "--json");
        Files.delete(warmUp);

        long started = System.nanoTime();
        String out = run("manifest", "check", file.toString(), "--json");
        double seconds = (System.nanoTime() - started) / 1e9;
        List<String> lines = out.lines().toList();
        System.out.println(String.join("\n", lines));

        // The upload function's pass: record boundaries only, over the same file.
        long splitStarted = System.nanoTime();
        int ranges;
        try (InputStream in = Files.newInputStream(file)) {
            ranges = ManifestSplitter.split(in, IntakeService.DEFAULT_RANGE_BYTES)
                    .ranges()
                    .size();
        }
        double splitSeconds = (System.nanoTime() - splitStarted) / 1e9;
        long bytes = Files.size(file);
        System.out.printf(
                Locale.ROOT,
                "{\"bench\":\"manifest check\",\"rows\":%d,\"bytes\":%d,\"seconds\":%.2f,\"rows_per_second\":%.0f,"
                        + "\"split_seconds\":%.2f,\"split_mib_per_second\":%.1f,\"ranges_of_16_mib\":%d}%n",
                rows,
                bytes,
                seconds,
                rows / seconds,
                splitSeconds,
                bytes / splitSeconds / (1 << 20),
                ranges);
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = BreachNoticeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        if (status != 0) {
            throw new IllegalStateException(
                    "breach-notice " + String.join(" ", args) + " exited " + status + ": " + err);
        }
        return new String(out.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
