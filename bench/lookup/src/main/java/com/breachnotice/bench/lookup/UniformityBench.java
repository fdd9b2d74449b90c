package com.breachnotice.bench.lookup;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.breachnotice.core.delivery.ReferenceCodes;
import com.breachnotice.local.LocalRuntime;
import com.breachnotice.lookup.LookupHandler;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * Uniformity of the lookup's answers before a code is verified (issue 5, "Must show").
 *
 * <p>The real {@link LookupHandler} with its real adapters on a stack created from template.yaml on
 * the local emulator. 200 {@code POST /v1/challenges} each for unknown, known-but-unaffected and
 * affected contacts, interleaved in a shuffled order so that drift of the machine hits every class
 * alike; then 200 {@code POST /v1/notices/verify} each with well-formed unknown reference codes and
 * with malformed ones. For each it prints whether the answers are identical apart from the
 * challenge id and expiry, the medians, and two-sided Mann-Whitney U p-values.
 *
 * <p>Run: {@code bench/lookup/run.sh uniformity [perClass]}.
 */
public final class UniformityBench {

    private UniformityBench() {}

    /** One request, answered: in process, or over the local runtime's HTTP API. */
    interface Client {
        Answer post(String path, String body);
    }

    /** What must be identical: status, headers and body. */
    record Answer(int status, Map<String, String> headers, String body) {}

    public static void main(String[] args) {
        int perClass = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        boolean http = args.length > 1 && args[1].equals("--http");
        int warmup = 100;
        BenchStack bench = BenchStack.create("uniformity");
        // Address limits out of the way: this measures the contact classes, not the limiter.
        Client handler;
        LocalRuntime runtime = null;
        if (http) {
            runtime = bench.runtime(true);
            handler = new HttpLookupClient(runtime.httpPort());
        } else {
            LookupHandler lookup = new LookupHandler(bench.lookupEnvironment(
                    Map.of("ADDRESS_STARTS_PER_HOUR", "1000000", "ADDRESS_CHECKS_PER_HOUR", "1000000")));
            handler = (path, body) -> {
                APIGatewayV2HTTPResponse response =
                        lookup.handleRequest(BenchStack.request("POST", path, body, "198.51.100.1"), null);
                return new Answer(response.getStatusCode(), response.getHeaders(), response.getBody());
            };
        }

        List<String> affected = BenchStack.emails("affected", perClass);
        List<String> unaffected = BenchStack.emails("known", perClass);
        List<String> unknown = BenchStack.emails("unknown", perClass);
        bench.register(affected, true);
        bench.register(unaffected, false);
        bench.register(BenchStack.emails("warm", warmup), true);

        for (String email : BenchStack.emails("warm", warmup)) {
            start(handler, email);
            handler.post("/v1/notices/verify", "{\"reference\":\"warm-" + email + "\"}");
        }

        Map<String, List<String>> classes = new LinkedHashMap<>();
        classes.put("unknown", unknown);
        classes.put("unaffected", unaffected);
        classes.put("affected", affected);
        List<String[]> order = new ArrayList<>();
        classes.forEach((name, emails) -> emails.forEach(email -> order.add(new String[] {name, email})));
        Collections.shuffle(order, new Random(42));

        Map<String, List<Double>> millis = new TreeMap<>();
        Map<String, TreeSet<String>> shapes = new TreeMap<>();
        for (String[] request : order) {
            long t0 = System.nanoTime();
            Answer response = start(handler, request[1]);
            double ms = (System.nanoTime() - t0) / 1e6;
            millis.computeIfAbsent(request[0], k -> new ArrayList<>()).add(ms);
            shapes.computeIfAbsent(request[0], k -> new TreeSet<>()).add(shape(response));
        }
        System.out.println("== POST /v1/challenges, " + perClass + " requests per class, "
                + (http ? "over the local runtime's HTTP API (code sender running)" : "in-process handler")
                + " on the emulator");
        report(millis, shapes);

        SecureRandom random = new SecureRandom();
        ReferenceCodes codes = new ReferenceCodes(random);
        List<String[]> checks = new ArrayList<>();
        for (int i = 0; i < perClass; i++) {
            checks.add(new String[] {"unknown-wellformed", codes.next()});
            checks.add(new String[] {"malformed", malformed(codes.next(), i, random)});
        }
        Collections.shuffle(checks, new Random(43));
        Map<String, List<Double>> checkMillis = new TreeMap<>();
        Map<String, TreeSet<String>> checkShapes = new TreeMap<>();
        for (String[] check : checks) {
            String body = "{\"reference\":\"" + check[1] + "\"}";
            long t0 = System.nanoTime();
            Answer response = handler.post("/v1/notices/verify", body);
            double ms = (System.nanoTime() - t0) / 1e6;
            checkMillis.computeIfAbsent(check[0], k -> new ArrayList<>()).add(ms);
            checkShapes.computeIfAbsent(check[0], k -> new TreeSet<>()).add(shape(response));
        }
        System.out.println("== POST /v1/notices/verify, " + perClass + " requests per class");
        report(checkMillis, checkShapes);
        if (runtime != null) {
            // What the code sender did meanwhile: codes to registered contacts only.
            System.out.println("code emails recorded by the local SES during the run: "
                    + bench.emulator.recordedEmails().size() + " (registered contacts asked for: "
                    + (2 * perClass + warmup) + ", unknown: " + perClass + ")");
            runtime.close();
        }
        bench.aws.close();
    }

    private static Answer start(Client handler, String email) {
        return handler.post("/v1/challenges", "{\"contact\":\"" + email + "\",\"lang\":\"ko\"}");
    }

    /** Status, headers and body with the challenge id and expiry masked: what must be identical. */
    private static String shape(Answer response) {
        String body = response.body()
                .replaceAll("\"challengeId\":\"[^\"]*\"", "\"challengeId\":\"*\"")
                .replaceAll("\"expiresAt\":\"[^\"]*\"", "\"expiresAt\":\"*\"");
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(response.headers());
        // These differ per response by nature, not by contact.
        headers.remove("date");
        headers.remove("content-length");
        return response.status() + " " + headers + " " + body;
    }

    /** Malformed in the ways people and scripts get it wrong: check symbol, length, alphabet. */
    private static String malformed(String good, int i, Random random) {
        String canonical = good.replace("-", "");
        return switch (i % 4) {
            case 0 -> canonical.substring(0, 13) + (canonical.charAt(13) == 'A' ? 'B' : 'A'); // wrong check symbol
            case 1 -> good.substring(0, 9); // too short
            case 2 -> good.replace(good.charAt(0), 'U') + "X"; // letters outside the alphabet, too long
            default -> Long.toHexString(random.nextLong()).toUpperCase(Locale.ROOT);
        };
    }

    private static void report(Map<String, List<Double>> millis, Map<String, TreeSet<String>> shapes) {
        TreeSet<String> all = new TreeSet<>();
        shapes.values().forEach(all::addAll);
        System.out.printf(
                Locale.ROOT,
                "distinct answers (status, headers, body; id and expiry masked): %d%s%n",
                all.size(),
                all.size() == 1 ? " -> identical" : " -> DIFFERENT: " + shapes);
        millis.forEach((name, values) -> System.out.printf(
                Locale.ROOT,
                "%-20s n=%d median=%.3f ms p90=%.3f ms%n",
                name,
                values.size(),
                median(values),
                quantile(values, 0.9)));
        List<String> names = new ArrayList<>(millis.keySet());
        List<List<Double>> samples = new ArrayList<>(millis.values());
        MannWhitneyUTest test = new MannWhitneyUTest();
        for (int a = 0; a < names.size(); a++) {
            for (int b = a + 1; b < names.size(); b++) {
                double p = test.mannWhitneyUTest(array(samples.get(a)), array(samples.get(b)));
                System.out.printf(Locale.ROOT, "Mann-Whitney U %s vs %s: p=%.3f%n", names.get(a), names.get(b), p);
            }
        }
    }

    static double median(List<Double> values) {
        return quantile(values, 0.5);
    }

    static double quantile(List<Double> values, double q) {
        double[] sorted = array(values);
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
        return sorted[index];
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
