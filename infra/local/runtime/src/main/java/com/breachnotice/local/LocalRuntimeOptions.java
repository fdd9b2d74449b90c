package com.breachnotice.local;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Options of the local runtime.
 *
 * @param httpPort port of the HTTP API on 127.0.0.1; 0 picks a free one
 * @param maxRequestBodyBytes requests with a larger body get 413
 * @param concurrency per function logical id: how many invocations of it may run at once (instances of its
 *     handler, and threads of each of its pollers); functions not listed get 1
 * @param pollWait long-poll wait of each receive: bounds how long {@link LocalRuntime#stop()} takes
 * @param listener observes every invocation (tests, diagnostics)
 * @param clock the clock of contexts, request times and timeouts
 * @param duplicateDeliveries fault injection for tests and benchmarks: the share (0..1) of received
 *     SQS messages that the pollers also hand, a second time, to a concurrent invocation, as SQS's
 *     at-least-once delivery sometimes does; 0 (no duplicates) unless asked for
 */
public record LocalRuntimeOptions(
        int httpPort,
        int maxRequestBodyBytes,
        Map<String, Integer> concurrency,
        Duration pollWait,
        InvocationListener listener,
        Clock clock,
        double duplicateDeliveries) {

    public LocalRuntimeOptions(
            int httpPort,
            int maxRequestBodyBytes,
            Map<String, Integer> concurrency,
            Duration pollWait,
            InvocationListener listener,
            Clock clock) {
        this(httpPort, maxRequestBodyBytes, concurrency, pollWait, listener, clock, 0);
    }

    public static final int DEFAULT_MAX_REQUEST_BODY_BYTES = 64 * 1024;

    public LocalRuntimeOptions {
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("httpPort must be 0..65535");
        }
        if (maxRequestBodyBytes < 0) {
            throw new IllegalArgumentException("maxRequestBodyBytes must not be negative");
        }
        concurrency.forEach((function, n) -> {
            if (n < 1) {
                throw new IllegalArgumentException("concurrency of " + function + " must be at least 1");
            }
        });
        concurrency = Map.copyOf(concurrency);
        if (pollWait.isNegative() || pollWait.toSeconds() > 20) {
            throw new IllegalArgumentException("pollWait must be 0..20 s");
        }
        if (!(duplicateDeliveries >= 0 && duplicateDeliveries <= 1)) {
            throw new IllegalArgumentException("duplicateDeliveries must be within 0..1");
        }
    }

    /** Free HTTP port, 64 KiB bodies, concurrency 1, 1 s polls, no listener, the system clock. */
    public static LocalRuntimeOptions defaults() {
        return new LocalRuntimeOptions(
                0,
                DEFAULT_MAX_REQUEST_BODY_BYTES,
                Map.of(),
                Duration.ofSeconds(1),
                InvocationListener.NONE,
                Clock.systemUTC());
    }

    public LocalRuntimeOptions withHttpPort(int port) {
        return new LocalRuntimeOptions(port, maxRequestBodyBytes, concurrency, pollWait, listener, clock);
    }

    public LocalRuntimeOptions withMaxRequestBodyBytes(int bytes) {
        return new LocalRuntimeOptions(httpPort, bytes, concurrency, pollWait, listener, clock);
    }

    public LocalRuntimeOptions withConcurrency(String functionLogicalId, int n) {
        Map<String, Integer> updated = new HashMap<>(concurrency);
        updated.put(functionLogicalId, n);
        return new LocalRuntimeOptions(httpPort, maxRequestBodyBytes, updated, pollWait, listener, clock);
    }

    public LocalRuntimeOptions withPollWait(Duration wait) {
        return new LocalRuntimeOptions(httpPort, maxRequestBodyBytes, concurrency, wait, listener, clock);
    }

    public LocalRuntimeOptions withListener(InvocationListener invocationListener) {
        return new LocalRuntimeOptions(httpPort, maxRequestBodyBytes, concurrency, pollWait, invocationListener, clock);
    }

    public LocalRuntimeOptions withClock(Clock newClock) {
        return new LocalRuntimeOptions(httpPort, maxRequestBodyBytes, concurrency, pollWait, listener, newClock);
    }

    /** The same options, with this share of received SQS messages delivered twice. */
    public LocalRuntimeOptions withDuplicateDeliveries(double share) {
        return new LocalRuntimeOptions(httpPort, maxRequestBodyBytes, concurrency, pollWait, listener, clock, share);
    }

    int concurrencyOf(String functionLogicalId) {
        return concurrency.getOrDefault(functionLogicalId, 1);
    }
}
