package com.breachnotice.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The routes of an HTTP API, matched as API Gateway does: a path parameter ({@code {id}}) matches one
 * segment, a greedy one ({@code {proxy+}}) the rest of the path; literal segments beat parameters, a
 * specific method beats {@code ANY}, greedy routes come after the others and {@code $default} last.
 */
final class HttpRoutes {

    /** A route and what it invokes. */
    record Route(EventSourceDefinition.HttpApi definition, HandlerInvoker invoker) {}

    /** A matched route with its decoded path parameters (empty when the route has none). */
    record Match(Route route, Map<String, String> pathParameters) {}

    private final List<Route> routes;

    HttpRoutes(List<Route> routes) {
        this.routes = routes.stream().sorted(PRECEDENCE).toList();
        Map<String, Route> byKey = new LinkedHashMap<>();
        for (Route route : routes) {
            Route previous = byKey.put(route.definition().routeKey(), route);
            if (previous != null) {
                throw new IllegalArgumentException("route " + route.definition().routeKey()
                        + " is declared twice: " + previous.definition().name() + " and "
                        + route.definition().name());
            }
        }
    }

    boolean isEmpty() {
        return routes.isEmpty();
    }

    Optional<Match> match(String method, String rawPath) {
        List<String> segments = segments(rawPath);
        for (Route route : routes) {
            EventSourceDefinition.HttpApi definition = route.definition();
            String path = definition.path();
            if (path == null) {
                return Optional.of(new Match(route, Map.of()));
            }
            String routeMethod = definition.method();
            if (routeMethod != null
                    && !routeMethod.equals("ANY")
                    && !routeMethod.equals(method.toUpperCase(Locale.ROOT))) {
                continue;
            }
            Optional<Map<String, String>> parameters = matchPath(segments(path), segments);
            if (parameters.isPresent()) {
                return Optional.of(new Match(route, parameters.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Map<String, String>> matchPath(List<String> pattern, List<String> actual) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String part = pattern.get(i);
            if (isGreedy(part)) {
                if (i >= actual.size()) {
                    return Optional.empty();
                }
                String rest = String.join("/", actual.subList(i, actual.size()));
                parameters.put(part.substring(1, part.length() - 2), decode(rest));
                return Optional.of(parameters);
            }
            if (i >= actual.size()) {
                return Optional.empty();
            }
            String segment = actual.get(i);
            if (isParameter(part)) {
                if (segment.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(part.substring(1, part.length() - 1), decode(segment));
            } else if (!part.equals(segment)) {
                return Optional.empty();
            }
        }
        return pattern.size() == actual.size() ? Optional.of(parameters) : Optional.empty();
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.isEmpty()) {
            return List.of();
        }
        return new ArrayList<>(List.of(trimmed.split("/", -1)));
    }

    private static boolean isParameter(String part) {
        return part.startsWith("{") && part.endsWith("}");
    }

    private static boolean isGreedy(String part) {
        return part.startsWith("{") && part.endsWith("+}");
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static final Comparator<Route> PRECEDENCE = Comparator.<Route>comparingInt(
                    route -> route.definition().path() == null ? 1 : 0)
            .thenComparingInt(route -> greedy(route) ? 1 : 0)
            .thenComparingInt(route -> -literalSegments(route))
            .thenComparingInt(route -> -segmentCount(route))
            .thenComparingInt(route -> anyMethod(route) ? 1 : 0);

    private static boolean greedy(Route route) {
        String path = route.definition().path();
        return path != null && segments(path).stream().anyMatch(HttpRoutes::isGreedy);
    }

    private static int literalSegments(Route route) {
        String path = route.definition().path();
        return path == null
                ? 0
                : (int) segments(path).stream().filter(s -> !isParameter(s)).count();
    }

    private static int segmentCount(Route route) {
        String path = route.definition().path();
        return path == null ? 0 : segments(path).size();
    }

    private static boolean anyMethod(Route route) {
        String method = route.definition().method();
        return method == null || method.equals("ANY");
    }
}
