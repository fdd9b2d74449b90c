package com.breachnotice.lookup;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The JSON object a request carries, or why it was refused. Nothing here logs or echoes the body: it
 * is where contacts and codes travel.
 */
sealed interface RequestBody {

    int MAX_BYTES = 4096;

    record Fields(JsonNode object) implements RequestBody {

        /** A text field, stripped; empty when absent, not text, or blank. */
        Optional<String> text(String name) {
            JsonNode value = object.get(name);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                return Optional.empty();
            }
            return Optional.of(value.asText().strip());
        }
    }

    record Refused(String error, String message) implements RequestBody {}

    static RequestBody of(APIGatewayV2HTTPEvent event, ObjectMapper json) {
        if (!isJson(header(event.getHeaders(), "content-type"))) {
            return new Refused("unsupported_content_type", "Send the request as application/json.");
        }
        String raw = event.getBody();
        if (raw == null || raw.isEmpty()) {
            return new Refused("missing_body", "The request has no body.");
        }
        // Cheap test before decoding: base64 takes 4 characters for 3 bytes, UTF-8 at least 1 byte per char.
        if (raw.length() > MAX_BYTES * 4 / 3 + 4) {
            return tooLarge();
        }
        byte[] bytes;
        if (event.getIsBase64Encoded()) {
            try {
                bytes = Base64.getDecoder().decode(raw);
            } catch (IllegalArgumentException e) {
                return new Refused("invalid_body", "The request body is not valid base64.");
            }
        } else {
            bytes = raw.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > MAX_BYTES) {
            return tooLarge();
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(bytes);
        } catch (IOException e) {
            // The parser's message quotes the body; it is dropped on purpose.
            return new Refused("invalid_json", "The request body is not valid JSON.");
        }
        if (parsed == null || !parsed.isObject()) {
            return new Refused("invalid_json", "The request body must be a JSON object.");
        }
        return new Fields(parsed);
    }

    private static Refused tooLarge() {
        return new Refused("body_too_large", "The request body is larger than " + MAX_BYTES + " bytes.");
    }

    private static boolean isJson(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json");
    }

    /** API Gateway lower-cases header names in payload 2.0; other callers may not. */
    static @Nullable String header(@Nullable Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }
}
