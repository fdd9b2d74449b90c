package com.breachnotice.lookup;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the lookup's HTTP responses, every one with the same security headers. */
final class Responses {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /** What is public and the same for everyone: the page, its assets, the incident summary. */
    static final String PUBLIC_CACHE = "public, max-age=300";

    static final String INCIDENT_CACHE = "public, max-age=60";

    /** Everything else: answers about a person, errors, anything that must not sit in a cache. */
    static final String NO_STORE = "no-store";

    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private final ObjectMapper json;

    Responses(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    APIGatewayV2HTTPResponse json(int status, JsonNode body) {
        return text(status, JSON_TYPE, write(body), NO_STORE, Map.of());
    }

    APIGatewayV2HTTPResponse json(int status, JsonNode body, Map<String, String> extraHeaders) {
        return text(status, JSON_TYPE, write(body), NO_STORE, extraHeaders);
    }

    APIGatewayV2HTTPResponse publicJson(String body) {
        return text(200, JSON_TYPE, body, PUBLIC_CACHE, Map.of());
    }

    /** The incident's facts: a correction must reach the page within a minute, so caches keep it briefly. */
    APIGatewayV2HTTPResponse incidentJson(String body) {
        return text(200, JSON_TYPE, body, INCIDENT_CACHE, Map.of());
    }

    APIGatewayV2HTTPResponse publicResource(StaticContent.Resource resource) {
        return text(200, resource.contentType(), resource.body(), PUBLIC_CACHE, Map.of());
    }

    APIGatewayV2HTTPResponse error(int status, String code, String message) {
        return json(status, errorBody(code, message));
    }

    APIGatewayV2HTTPResponse error(int status, String code, String message, Duration retryAfter) {
        return json(status, errorBody(code, message), Map.of("Retry-After", Long.toString(seconds(retryAfter))));
    }

    ObjectNode errorBody(String code, String message) {
        return object().put("error", code).put("message", message);
    }

    /** Whole seconds, rounded up, at least one: a client told "0" would retry at once. */
    static long seconds(Duration duration) {
        long seconds = duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private APIGatewayV2HTTPResponse text(
            int status, String contentType, String body, String cacheControl, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Cache-Control", cacheControl);
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put("Cross-Origin-Resource-Policy", "same-origin");
        headers.putAll(extraHeaders);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    private String write(JsonNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
