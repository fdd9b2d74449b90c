package com.breachnotice.lookup;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.breachnotice.core.lookup.AddressLimiter;
import com.breachnotice.core.lookup.LookupFixture;
import com.breachnotice.core.lookup.LookupLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Warm latency of the lookup handler with in-memory fakes (no I/O): what the function itself adds
 * to a request once warm. A mix of the four routes a visitor uses, after a warm-up; per route and
 * overall p50 and p99. Lives in the handler's package for its test constructor.
 *
 * <p>Run: {@code bench/lookup/run.sh warm [requests]}.
 */
public final class WarmHandlerBench {

    private WarmHandlerBench() {}

    public static void main(String[] args) {
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int warmup = Math.max(20_000, measured / 5);
        LookupFixture fixture = new LookupFixture();
        AddressLimiter unlimited = new AddressLimiter(
                fixture.rateLimits,
                fixture.keyer,
                fixture.clock,
                new LookupLimits(Duration.ofHours(1), Integer.MAX_VALUE, Integer.MAX_VALUE));
        LookupHandler handler = new LookupHandler(fixture.service, unlimited, java.util.Optional::empty);

        run(handler, warmup, "warm", new TreeMap<>());
        Map<String, List<Long>> nanos = new TreeMap<>();
        run(handler, measured, "measured", nanos);

        List<Long> all = new ArrayList<>();
        nanos.values().forEach(all::addAll);
        System.out.printf(
                Locale.ROOT, "warm handler, in-memory fakes, %d requests after %d warm-up:%n", measured, warmup);
        nanos.forEach((route, values) -> print(route, values));
        print("all routes", all);
    }

    private static void run(LookupHandler handler, int requests, String prefix, Map<String, List<Long>> nanos) {
        for (int i = 0; i < requests; i++) {
            String route;
            APIGatewayV2HTTPEvent event;
            switch (i % 4) {
                case 0 -> {
                    route = "POST /v1/challenges";
                    event = request("POST", "/v1/challenges", "{\"contact\":\"" + prefix + "-" + i + "@example.org\"}");
                }
                case 1 -> {
                    route = "POST /v1/challenges/{challengeId}/verify";
                    event = request("POST", "/v1/challenges/AAAAAAAAAAAAAAAAAAAAAA/verify", "{\"code\":\"123456\"}");
                    event.setRouteKey(route);
                    event.setPathParameters(Map.of("challengeId", "AAAAAAAAAAAAAAAAAAAAAA"));
                }
                case 2 -> {
                    route = "POST /v1/notices/verify";
                    event = request("POST", "/v1/notices/verify", "{\"reference\":\"ABCD-EFGH-JKMN-PQ\"}");
                }
                default -> {
                    route = "GET /v1/incident";
                    event = request("GET", "/v1/incident", null);
                }
            }
            long t0 = System.nanoTime();
            handler.handleRequest(event, null);
            long elapsed = System.nanoTime() - t0;
            nanos.computeIfAbsent(route, k -> new ArrayList<>()).add(elapsed);
        }
    }

    private static APIGatewayV2HTTPEvent request(String method, String path, @Nullable String body) {
        APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method)
                .withPath(path)
                .withSourceIp("198.51.100.3")
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + path)
                .withRawPath(path)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(http)
                        .build())
                .build();
    }

    private static void print(String route, List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "%-34s n=%d p50=%.1f us p99=%.1f us max=%.1f us (p99 %.4f ms)%n",
                route,
                sorted.length,
                at(sorted, 0.50) / 1e3,
                at(sorted, 0.99) / 1e3,
                sorted[sorted.length - 1] / 1e3,
                at(sorted, 0.99) / 1e6);
    }

    private static long at(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }
}
