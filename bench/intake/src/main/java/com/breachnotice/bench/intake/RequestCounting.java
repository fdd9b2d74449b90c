package com.breachnotice.bench.intake;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every HTTP request any SDK client of this JVM sends (retries included), by
 * {@code Service.Operation}. Registered as a global interceptor by the classpath file
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}, so the real handlers and
 * their wiring are counted unchanged.
 */
public final class RequestCounting implements ExecutionInterceptor {

    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        COUNTS.computeIfAbsent(service + "." + operation, name -> new AtomicLong())
                .incrementAndGet();
    }

    /** Requests so far by {@code Service.Operation}, sorted. */
    public static Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        COUNTS.forEach((name, count) -> copy.put(name, count.get()));
        return copy;
    }

    /** Requests so far to one service ({@code DynamoDb}, {@code Kms}, ...). */
    public static long service(String service) {
        return COUNTS.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(service + "."))
                .mapToLong(entry -> entry.getValue().get())
                .sum();
    }
}
