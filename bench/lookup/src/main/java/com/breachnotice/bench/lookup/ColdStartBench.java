package com.breachnotice.bench.lookup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start of the lookup without SnapStart: starts {@code runs} fresh JVMs running {@link
 * ColdStartProbe} against a stack on the local emulator, and reports, per run and as the median,
 * the time from JVM start to the first answered request (measured inside the process from the
 * JVM's own start time) and the wall time from spawning the process to its answer.
 *
 * <p>Run: {@code bench/lookup/run.sh coldstart [runs]}.
 */
public final class ColdStartBench {

    private static final Pattern LINE =
            Pattern.compile("cold-start status=(\\d+) .* jvm_to_answer_ms=(\\d+) cpu_ms=(\\d+)");

    private ColdStartBench() {}

    /**
     * This JVM's class path; with {@code -Dcoldstart.alternate=<dir>}, every other run puts that
     * directory in place of the lookup module's classes, for an A/B comparison under the same load.
     * A change that spans modules names each replacement: {@code
     * -Dcoldstart.alternate=functions/aws/target/classes=<dir>,functions/lookup/target/classes=<dir>}.
     */
    private static String classPath(int run) {
        String own = System.getProperty("java.class.path");
        String alternate = System.getProperty("coldstart.alternate", "");
        if (alternate.isEmpty() || run % 2 == 0) {
            return own;
        }
        Map<String, String> replacements = new HashMap<>();
        for (String pair : alternate.split(",")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                replacements.put("functions/lookup/target/classes", pair);
            } else {
                replacements.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        List<String> entries = new ArrayList<>();
        for (String entry : own.split(java.io.File.pathSeparator)) {
            String replacement = entry;
            for (Map.Entry<String, String> r : replacements.entrySet()) {
                if (entry.endsWith(r.getKey())) {
                    replacement = r.getValue();
                }
            }
            entries.add(replacement);
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        boolean phases = args.length > 1 && args[1].equals("--phases");
        // Application class-data sharing: the first run writes the archive, later runs map it.
        boolean cds = args.length > 1 && args[1].equals("--cds");
        Path archive = Path.of("bench", "lookup", "target", "lookup-cds.jsa").toAbsolutePath();
        BenchStack bench = BenchStack.create("coldstart");
        // As inside Lambda, whose runtime names the function: region and credentials are then read
        // from AWS_REGION and AWS_ACCESS_KEY_ID/... directly (see AwsClients).
        Map<String, String> env = bench.lookupEnvironment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "breach-notice-lookup"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Double> inProcess = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        List<Double> evenRuns = new ArrayList<>();
        List<Double> oddRuns = new ArrayList<>();
        List<Double> evenCpu = new ArrayList<>();
        List<Double> oddCpu = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            // The emulator's endpoints reach the SDK as system properties in this process, and as
            // the standard AWS_ENDPOINT_URL variables (in env) in the probe.
            List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
            if (cds) {
                command.add("-XX:+AutoCreateSharedArchive");
                command.add("-XX:SharedArchiveFile=" + archive);
            }
            command.addAll(List.of(
                    "-cp",
                    classPath(run),
                    phases ? "com.breachnotice.lookup.ColdStartPhases" : ColdStartProbe.class.getName(),
                    "cold-" + run + "-" + System.nanoTime() + "@example.org"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            long spawned = System.nanoTime();
            Process probe = builder.start();
            String result = null;
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("phases ")) {
                        System.out.println(line);
                    }
                    if (line.startsWith("cold-start ")) {
                        result = line;
                        wall.add((System.nanoTime() - spawned) / 1e6);
                    }
                }
            }
            if (phases) {
                probe.waitFor(60, TimeUnit.SECONDS);
                continue;
            }
            if (!probe.waitFor(60, TimeUnit.SECONDS) || result == null) {
                throw new IllegalStateException("the probe did not answer");
            }
            Matcher m = LINE.matcher(result);
            if (!m.find() || !m.group(1).equals("202")) {
                throw new IllegalStateException("unexpected probe answer: " + result);
            }
            inProcess.add(Double.parseDouble(m.group(2)));
            (run % 2 == 0 ? evenRuns : oddRuns).add(Double.parseDouble(m.group(2)));
            (run % 2 == 0 ? evenCpu : oddCpu).add(Double.parseDouble(m.group(3)));
            System.out.println("run " + (run + 1)
                    + (System.getProperty("coldstart.alternate", "").isEmpty() ? "" : run % 2 == 0 ? " [A]" : " [B]")
                    + ": " + result);
        }
        if (phases) {
            bench.aws.close();
            return;
        }
        if (cds && runs > 1) {
            // The first run only wrote the archive.
            inProcess.remove(0);
            wall.remove(0);
        }
        System.out.printf(
                Locale.ROOT,
                (cds ? "with AppCDS, runs after the first: " : "")
                        + "cold start over %d fresh JVMs: JVM start to first answer median=%.0f ms (min %.0f, max %.0f);"
                        + " spawn to answer (wall) median=%.0f ms%n",
                inProcess.size(),
                UniformityBench.median(inProcess),
                inProcess.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                inProcess.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                UniformityBench.median(wall));
        if (!System.getProperty("coldstart.alternate", "").isEmpty() && !oddRuns.isEmpty()) {
            System.out.printf(
                    Locale.ROOT,
                    "A/B: [A] own classes median=%.0f ms (CPU %.0f ms) over %d runs,"
                            + " [B] alternate median=%.0f ms (CPU %.0f ms) over %d runs%n",
                    UniformityBench.median(evenRuns),
                    UniformityBench.median(evenCpu),
                    evenRuns.size(),
                    UniformityBench.median(oddRuns),
                    UniformityBench.median(oddCpu),
                    oddRuns.size());
        }
        bench.aws.close();
    }
}
