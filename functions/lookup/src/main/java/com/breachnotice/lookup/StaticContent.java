package com.breachnotice.lookup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The page and its assets, read from the classpath once per container. A missing resource fails
 * start-up, not the first visitor. The facts the page shows are not here: it reads them from
 * {@code GET /v1/incident} ({@link IncidentView}).
 */
record StaticContent(Resource page, Map<String, Resource> assets) {

    /** A text resource with its content type. */
    record Resource(String contentType, String body) {}

    static StaticContent load() {
        Resource page = new Resource("text/html; charset=utf-8", read("/web/index.html"));
        // A whitelist: the file name from the path never reaches the classpath lookup.
        Map<String, Resource> assets = Map.of(
                "app.js", new Resource("text/javascript; charset=utf-8", read("/web/app.js")),
                "app.css", new Resource("text/css; charset=utf-8", read("/web/app.css")),
                "favicon.svg", new Resource("image/svg+xml", read("/web/favicon.svg")));
        return new StaticContent(page, assets);
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
