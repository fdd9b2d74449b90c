package com.breachnotice.lookup;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Loads the API Gateway (HTTP API, payload 2.0) events kept under {@code src/test/resources/events/}. */
final class Events {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Events() {}

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
