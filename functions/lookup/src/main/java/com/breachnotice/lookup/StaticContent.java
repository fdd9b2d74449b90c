package com.breachnotice.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The page, its assets and the public incident summary, read from the classpath once per
 * container. A missing or malformed resource fails start-up, not the first visitor.
 */
record StaticContent(Resource page, Map<String, Resource> assets, String incidentJson, ObjectNode guidance) {

    /** A text resource with its content type. */
    record Resource(String contentType, String body) {}

    static StaticContent load(ObjectMapper json) {
        Resource page = new Resource("text/html; charset=utf-8", read("/web/index.html"));
        // A whitelist: the file name from the path never reaches the classpath lookup.
        Map<String, Resource> assets = Map.of(
                "app.js", new Resource("text/javascript; charset=utf-8", read("/web/app.js")),
                "app.css", new Resource("text/css; charset=utf-8", read("/web/app.css")),
                "favicon.svg", new Resource("image/svg+xml", read("/web/favicon.svg")));
        String incident;
        ObjectNode guidance;
        try {
            JsonNode parsed = json.readTree(read("/incident.json"));
            if (!parsed.path("ko").isObject() || !parsed.path("en").isObject()) {
                throw new IllegalStateException("incident.json needs a \"ko\" and an \"en\" object");
            }
            incident = json.writeValueAsString(parsed);
            // The guidance of a personal answer: the incident's precautions, in both languages.
            guidance = json.createObjectNode();
            guidance.set("ko", parsed.path("ko").path("precautions").deepCopy());
            guidance.set("en", parsed.path("en").path("precautions").deepCopy());
            if (!guidance.path("ko").isArray() || !guidance.path("en").isArray()) {
                throw new IllegalStateException("incident.json needs precautions in \"ko\" and \"en\"");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("incident.json is not valid JSON", e);
        }
        return new StaticContent(page, assets, incident, guidance);
    }

    Optional<Resource> asset(String file) {
        return Optional.ofNullable(assets.get(file));
    }

    private static String read(String name) {
        try (InputStream in = StaticContent.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + name, e);
        }
    }
}
