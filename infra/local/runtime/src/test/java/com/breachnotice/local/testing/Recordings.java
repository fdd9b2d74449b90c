package com.breachnotice.local.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the test handlers received, by the name in their {@code RECORDING} environment variable: the
 * runtime builds the handlers itself, so the tests find their events here.
 */
public final class Recordings {

    private static final Map<String, List<Object>> EVENTS = new ConcurrentHashMap<>();

    private Recordings() {}

    static List<Object> of(Map<String, String> environment) {
        String name = environment.get("RECORDING");
        if (name == null) {
            throw new IllegalStateException("RECORDING is not set");
        }
        return EVENTS.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
    }

    /** The events recorded under the name, in arrival order. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> events(String name, Class<T> type) {
        return (List<T>) (List<?>) EVENTS.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
    }
}
