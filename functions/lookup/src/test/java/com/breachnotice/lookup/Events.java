package com.breachnotice.lookup;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads the API Gateway (HTTP API, payload 2.0) events kept under {@code src/test/resources/events/}. */
final class Events {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * The HTTP API's routes (template.yaml), matched here as API Gateway matches them, so that a test
     * can name a concrete path and get the event API Gateway would pass.
     */
    private static final List<String> ROUTES = List.of(
            LookupHandler.ROUTE_PAGE,
            LookupHandler.ROUTE_ASSET,
            LookupHandler.ROUTE_INCIDENT,
            LookupHandler.ROUTE_START,
            LookupHandler.ROUTE_VERIFY,
            LookupHandler.ROUTE_REFERENCE);

    /** A route key and the decoded path parameters of a concrete request. */
    record Routed(String routeKey, Map<String, String> pathParameters) {}

    private Events() {}

    /**
     * The route API Gateway would match for {@code method} and {@code path}: literal segments must be
     * equal, a {@code {name}} segment takes one non-empty segment, URL-decoded.
     */
    static Routed route(String method, String path) {
        String[] actual = path.split("/", -1);
        for (String route : ROUTES) {
            String[] parts = route.split(" ", 2);
            String[] pattern = parts[1].split("/", -1);
            if (!parts[0].equals(method) || pattern.length != actual.length) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            boolean matches = true;
            for (int i = 0; i < pattern.length && matches; i++) {
                if (pattern[i].startsWith("{") && !actual[i].isEmpty()) {
                    parameters.put(
                            pattern[i].substring(1, pattern[i].length() - 1),
                            URLDecoder.decode(actual[i], StandardCharsets.UTF_8));
                } else {
                    matches = pattern[i].equals(actual[i]);
                }
            }
            if (matches) {
                return new Routed(route, parameters);
            }
        }
        throw new IllegalArgumentException("API Gateway would not route " + method + " " + path);
    }

    static APIGatewayV2HTTPEvent load(String name) {
        return load(name, Map.of());
    }

    /** Loads an event, replacing {@code @placeholder@} tokens by the given values. */
    static APIGatewayV2HTTPEvent load(String name, Map<String, String> values) {
        String text = read("/events/" + name);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("@" + value.getKey() + "@", value.getValue());
        }
        try {
            return JSON.readValue(text, APIGatewayV2HTTPEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String name) {
        try (InputStream in = Events.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no event " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
