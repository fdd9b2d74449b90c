package com.breachnotice.bench.lookup;

import com.breachnotice.core.lookup.LookupFixture;
import com.breachnotice.local.AwsTarget;
import com.breachnotice.local.EventSourceDefinition;
import com.breachnotice.local.LocalFunction;
import com.breachnotice.local.LocalRuntime;
import com.breachnotice.local.LocalRuntimeOptions;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Load on the lookup over HTTP, through the local runtime's HTTP API (route matching, event mapping,
 * one handler instance per concurrent invocation), with the real handler over stores that answer
 * after 5 ms ({@code com.breachnotice.lookup.SlowStoreLookupHandler}).
 *
 * <pre>
 *   spike [seconds per step]   one instance (concurrency 1): open-loop steps of rising rate, p99 per step;
 *                              the highest rate with p99 <= 100 ms and no error, and instances for 10,000 rps
 *   abuse [seconds]            64 instances, the template's per-address limits: one client at 500 rps
 *                              (127.0.0.2) beside 50 ordinary users (127.0.1.x), each a start, a wrong
 *                              code and a reference check per second; success rates and status counts
 * </pre>
 *
 * Latency is measured from the moment a request was due, not sent, so a queue in front of a busy
 * instance counts (no coordinated omission). Everything runs on 127.0.0.0/8; the edge (CloudFront,
 * WAF) cannot run here and is not part of the figures.
 */
public final class LoadBench {

    private static final String HANDLER = "com.breachnotice.lookup.SlowStoreLookupHandler::handleRequest";

    private LoadBench() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "spike";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : (mode.equals("abuse") ? 20 : 10);
        switch (mode) {
            case "spike" -> spike(seconds);
            case "abuse" -> abuse(seconds);
            default -> throw new IllegalArgumentException("mode: spike or abuse");
        }
    }

    private static void spike(int seconds) throws Exception {
        Map<String, String> env = Map.of(
                "BENCH_STORE_LATENCY_MS", "5",
                "ADDRESS_STARTS_PER_HOUR", "100000000",
                "ADDRESS_CHECKS_PER_HOUR", "100000000",
                "CODES_PER_HOUR", "100000000");
        try (LocalRuntime runtime = runtime(env, 1)) {
            URI base = URI.create("http://127.0.0.1:" + runtime.httpPort());
            HttpClient client = client(InetAddress.getLoopbackAddress());
            // Warm-up (JIT, connection pool), not reported.
            step(client, base, 20, 15, new AtomicInteger());
            int best = 0;
            AtomicInteger sequence = new AtomicInteger();
            for (int rate = 5; rate <= 200; rate += 5) {
                Step step = step(client, base, rate, seconds, sequence);
                System.out.printf(
                        Locale.ROOT,
                        "spike rate=%d rps sent=%d ok=%d errors=%d p50=%.1f ms p99=%.1f ms%n",
                        rate,
                        step.sent(),
                        step.ok(),
                        step.errors(),
                        step.percentile(50),
                        step.percentile(99));
                if (step.percentile(99) <= 100 && step.errors() == 0) {
                    best = rate;
                } else {
                    break;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "spike result: %d rps per instance at p99 <= 100 ms (mix: 1/3 start, 1/3 wrong code, 1/3"
                            + " reference; 5 ms per store call); instances for 10,000 rps: %d%n",
                    best,
                    best == 0 ? -1 : (10_000 + best - 1) / best);
        }
    }

    private record Step(int sent, int ok, int errors, List<Double> latencies) {
        double percentile(int p) {
            if (latencies.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }

    /** Open loop: one request due every 1/rate s, sent asynchronously, latency from when it was due. */
    private static Step step(HttpClient client, URI base, int rate, int seconds, AtomicInteger sequence) {
        List<Double> latencies = new CopyOnWriteArrayList<>();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            int n = sequence.incrementAndGet();
            Request request = mixed(n);
            inFlight.add(client.sendAsync(request.build(base), HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        latencies.add((System.nanoTime() - due) / 1e6);
                        if (failure == null && response.statusCode() == request.expected()) {
                            ok.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        return new Step(total, ok.get(), errors.get(), List.copyOf(latencies));
    }

    private record Request(String path, String body, int expected) {
        HttpRequest build(URI base) {
            return HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }
    }

    /** Start, wrong code on an unknown challenge, genuine reference: a third each. */
    private static Request mixed(int n) {
        return switch (n % 3) {
            case 0 -> new Request("/v1/challenges", "{\"contact\":\"load-" + n + "@example.org\"}", 202);
            case 1 -> new Request("/v1/challenges/AAAAAAAAAAAAAAAAAAAAAA/verify", "{\"code\":\"123456\"}", 410);
            default ->
                new Request("/v1/notices/verify", "{\"reference\":\"" + LookupFixture.FIRST_REFERENCE + "\"}", 200);
        };
    }

    private static void abuse(int seconds) throws Exception {
        Map<String, String> env = Map.of(
                "BENCH_STORE_LATENCY_MS", "5",
                "ADDRESS_STARTS_PER_HOUR", "30",
                "ADDRESS_CHECKS_PER_HOUR", "60",
                "CODES_PER_HOUR", "20000");
        try (LocalRuntime runtime = runtime(env, 64)) {
            URI base = URI.create("http://127.0.0.1:" + runtime.httpPort());
            Map<Integer, AtomicInteger> abuserStatuses = new ConcurrentHashMap<>();
            Map<Integer, AtomicInteger> userStatuses = new ConcurrentHashMap<>();
            AtomicInteger userOk = new AtomicInteger();
            AtomicInteger userTotal = new AtomicInteger();
            List<Thread> users = new ArrayList<>();
            for (int u = 1; u <= 50; u++) {
                int user = u;
                users.add(Thread.ofVirtual()
                        .start(() -> ordinaryUser(base, user, seconds, userOk, userTotal, userStatuses)));
            }
            HttpClient abuser = client(InetAddress.getByName("127.0.0.2"));
            List<CompletableFuture<?>> inFlight = new ArrayList<>();
            long interval = 1_000_000_000L / 500;
            long start = System.nanoTime();
            for (int i = 0; i < 500 * seconds; i++) {
                long due = start + i * interval;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                Request request = new Request("/v1/challenges", "{\"contact\":\"victim-" + i + "@example.org\"}", 202);
                inFlight.add(abuser.sendAsync(request.build(base), HttpResponse.BodyHandlers.discarding())
                        .handle((response, failure) -> {
                            int status = failure == null ? response.statusCode() : -1;
                            abuserStatuses
                                    .computeIfAbsent(status, k -> new AtomicInteger())
                                    .incrementAndGet();
                            return null;
                        }));
            }
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
            for (Thread user : users) {
                user.join();
            }
            System.out.printf(
                    Locale.ROOT, "abuse: abuser sent=%d statuses=%s%n", 500 * seconds, new TreeMap<>(abuserStatuses));
            System.out.printf(
                    Locale.ROOT,
                    "abuse: ordinary users=50 requests=%d as expected=%d (%.2f %%) statuses=%s%n",
                    userTotal.get(),
                    userOk.get(),
                    100.0 * userOk.get() / Math.max(1, userTotal.get()),
                    new TreeMap<>(userStatuses));
            int limited = userStatuses.getOrDefault(429, new AtomicInteger()).get();
            System.out.printf(
                    Locale.ROOT,
                    "abuse: ordinary users' requests refused by a limit (429): %d of %d (%.2f %% not refused);"
                            + " -1 is a connection the local server dropped, 500 an invocation that timed out locally%n",
                    limited,
                    userTotal.get(),
                    100.0 * (userTotal.get() - limited) / Math.max(1, userTotal.get()));
        }
    }

    /** One person a second: asks for a code, types a wrong one, checks a reference code. */
    private static void ordinaryUser(
            URI base,
            int user,
            int seconds,
            AtomicInteger ok,
            AtomicInteger total,
            Map<Integer, AtomicInteger> statuses) {
        try {
            HttpClient client = client(InetAddress.getByName("127.0.1." + user));
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            for (int session = 0; System.nanoTime() < end; session++) {
                long next = System.nanoTime() + 1_000_000_000L;
                // Each session from another member of the household: a contact asks at most 5 codes a day.
                String started = send(
                        client,
                        base,
                        new Request(
                                "/v1/challenges",
                                "{\"contact\":\"user-" + user + "-" + session + "@example.org\"}",
                                202),
                        ok,
                        total,
                        statuses);
                String id = started.replaceAll(".*\"challengeId\":\"([A-Za-z0-9_-]+)\".*", "$1");
                if (!id.matches("[A-Za-z0-9_-]{22}")) {
                    id = "AAAAAAAAAAAAAAAAAAAAAA"; // the start failed: the wrong code goes to an unknown challenge
                }
                send(
                        client,
                        base,
                        new Request("/v1/challenges/" + id + "/verify", "{\"code\":\"000000\"}", 401),
                        ok,
                        total,
                        statuses);
                send(
                        client,
                        base,
                        new Request(
                                "/v1/notices/verify", "{\"reference\":\"" + LookupFixture.FIRST_REFERENCE + "\"}", 200),
                        ok,
                        total,
                        statuses);
                for (long wait = next - System.nanoTime(); wait > 0; wait = next - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String send(
            HttpClient client,
            URI base,
            Request request,
            AtomicInteger ok,
            AtomicInteger total,
            Map<Integer, AtomicInteger> statuses)
            throws Exception {
        total.incrementAndGet();
        HttpResponse<String> response;
        try {
            response = client.send(request.build(base), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            // A connection the overloaded local server dropped: a failure for this user, not the end of it.
            statuses.computeIfAbsent(-1, k -> new AtomicInteger()).incrementAndGet();
            return "";
        }
        statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger())
                .incrementAndGet();
        if (response.statusCode() == request.expected()
                || (request.expected() == 401 && response.statusCode() == 410)) {
            ok.incrementAndGet();
        }
        return response.body();
    }

    private static HttpClient client(InetAddress local) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .localAddress(local)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The lookup's routes as template.yaml declares them, in front of the slow-store handler. */
    private static LocalRuntime runtime(Map<String, String> env, int concurrency) {
        List<EventSourceDefinition> routes = List.of(
                new EventSourceDefinition.HttpApi("Page", "GET", "/"),
                new EventSourceDefinition.HttpApi("StartChallenge", "POST", "/v1/challenges"),
                new EventSourceDefinition.HttpApi("VerifyChallenge", "POST", "/v1/challenges/{challengeId}/verify"),
                new EventSourceDefinition.HttpApi("VerifyNotice", "POST", "/v1/notices/verify"));
        LocalFunction lookup =
                new LocalFunction("LookupFunction", "bench-lookup", HANDLER, Duration.ofSeconds(15), 1024, env, routes);
        AwsTarget nowhere = new AwsTarget(
                URI.create("http://127.0.0.1:9"),
                "ap-northeast-2",
                "000000000000",
                "bench-load",
                "test",
                "test",
                Map.of());
        return LocalRuntime.create(
                        List.of(lookup),
                        nowhere,
                        LocalRuntimeOptions.defaults().withConcurrency("LookupFunction", concurrency))
                .start();
    }
}
