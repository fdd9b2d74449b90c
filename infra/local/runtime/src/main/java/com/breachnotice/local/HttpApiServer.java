package com.breachnotice.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API Gateway's HTTP API on 127.0.0.1: each request becomes an {@link APIGatewayV2HTTPEvent} for the
 * function whose {@code HttpApi} route matches, and the {@link APIGatewayV2HTTPResponse} it returns is
 * written back. No matching route: 404 {@code {"message":"Not Found"}}; a body over the cap: 413; a
 * handler that throws or returns a malformed response: 500 {@code {"message":"Internal Server Error"}},
 * as API Gateway answers.
 */
public final class HttpApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApiServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpRoutes routes;
    private final Clock clock;
    private final String accountId;
    private final int maxBodyBytes;
    private final HttpServer server;
    private final ExecutorService executor;

    private static final int BACKLOG = 4096;

    /**
     * Idle keep-alive connections the JDK server keeps open (its default is 200). Past that it closes
     * idle ones, and a client's next POST on a connection the server just closed fails: the JDK client
     * retries only idempotent requests. Under the lookup abuse bench (one client at 500 rps) 47 of 2,970
     * ordinary users' requests failed so; API Gateway never closes a client's connection for another's.
     * Read once, when the JDK server's configuration class loads: set before the first server starts.
     */
    private static final String MAX_IDLE_CONNECTIONS = "sun.net.httpserver.maxIdleConnections";

    static {
        System.getProperties().putIfAbsent(MAX_IDLE_CONNECTIONS, "10000");
    }

    /**
     * Binds the server (port 0 picks a free one); {@link #start()} starts serving.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    HttpApiServer(HttpRoutes routes, int port, int maxBodyBytes, String accountId, Clock clock) {
        this.routes = routes;
        this.clock = clock;
        this.accountId = accountId;
        this.maxBodyBytes = maxBodyBytes;
        try {
            // A deep accept queue: API Gateway does not refuse connections under a burst, and the system
            // default (50) made the local server reset them, which no deployed client would see.
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the local HTTP API to 127.0.0.1:" + port, e);
        }
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::serve);
    }

    void start() {
        server.start();
        LOG.info("local HTTP API listening on http://127.0.0.1:{}/", port());
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            respond(exchange, handle(exchange));
        } catch (IOException | RuntimeException e) {
            LOG.warn("local HTTP API: request failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private APIGatewayV2HTTPResponse handle(HttpExchange exchange) throws IOException, InterruptedException {
        String rawPath =
                Optional.ofNullable(exchange.getRequestURI().getRawPath()).orElse("/");
        Optional<HttpRoutes.Match> match = routes.match(exchange.getRequestMethod(), rawPath);
        if (match.isEmpty()) {
            return message(404, "Not Found");
        }
        byte[] body = readBody(exchange);
        if (body.length > maxBodyBytes) {
            return message(413, "Request Entity Too Large");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        exchange.getRequestHeaders()
                .forEach((name, values) ->
                        values.forEach(value -> headers.add(new AbstractMap.SimpleEntry<>(name, value))));
        HttpRequestData request = new HttpRequestData(
                exchange.getRequestMethod(),
                rawPath,
                Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""),
                headers,
                body,
                exchange.getRemoteAddress().getAddress().getHostAddress(),
                exchange.getProtocol(),
                clock.instant(),
                UUID.randomUUID().toString());
        HttpRoutes.Route route = match.get().route();
        APIGatewayV2HTTPEvent event = HttpApiEvents.toEvent(
                request, route.definition().routeKey(), match.get().pathParameters(), accountId);
        Invocation invocation = route.invoker().invoke(event);
        if (!invocation.succeeded()) {
            return message(500, "Internal Server Error");
        }
        return toResponse(invocation.result());
    }

    /** Reads at most one byte more than the cap, so that an oversized body is refused without buffering it. */
    private byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > maxBodyBytes) {
                    return new byte[maxBodyBytes + 1];
                }
            } catch (NumberFormatException e) {
                return new byte[maxBodyBytes + 1];
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            return in.readNBytes(maxBodyBytes + 1);
        }
    }

    /** Payload format 2.0: a response object is used as is; any other value is a 200 JSON body. */
    private static APIGatewayV2HTTPResponse toResponse(@Nullable Object result) {
        if (result instanceof APIGatewayV2HTTPResponse response) {
            if (response.getStatusCode() < 100 || response.getStatusCode() > 599) {
                LOG.warn("handler returned status code {}: answering 500", response.getStatusCode());
                return message(500, "Internal Server Error");
            }
            return response;
        }
        String body;
        if (result instanceof String text) {
            body = text;
        } else {
            try {
                body = JSON.writeValueAsString(result);
            } catch (JsonProcessingException e) {
                return message(500, "Internal Server Error");
            }
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(body)
                .build();
    }

    private static APIGatewayV2HTTPResponse message(int status, String message) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody("{\"message\":\"" + message + "\"}")
                .build();
    }

    private static void respond(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        Map<String, String> headers = response.getHeaders();
        if (headers != null) {
            headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        }
        Map<String, List<String>> multiValueHeaders = response.getMultiValueHeaders();
        if (multiValueHeaders != null) {
            multiValueHeaders.forEach((name, values) ->
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value)));
        }
        List<String> cookies = response.getCookies();
        if (cookies != null) {
            cookies.forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie));
        }
        String body = response.getBody();
        byte[] bytes;
        if (body == null) {
            bytes = new byte[0];
        } else if (response.getIsBase64Encoded()) {
            bytes = Base64.getDecoder().decode(body);
        } else {
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        int status = response.getStatusCode();
        boolean noBody = bytes.length == 0
                || exchange.getRequestMethod().equalsIgnoreCase("HEAD")
                || status == 204
                || status == 304;
        exchange.sendResponseHeaders(status, noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
