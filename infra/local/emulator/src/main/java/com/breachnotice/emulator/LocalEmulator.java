package com.breachnotice.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local AWS emulator of this JVM: moto in server mode (S3, SQS, SNS, DynamoDB, KMS, Secrets
 * Manager) plus aws-ses-v2-local (SES v2), both installed by {@code infra/local/emulator/bootstrap.sh}
 * and started as child processes on free ports, or, when {@code AWS_ENDPOINT_URL} (or the system
 * property {@code aws.endpointUrl}) is set, whatever runs there, untouched.
 *
 * <p>The emulators are not thread-safe: tests share one instance, run in sequence and isolate
 * themselves with unique resource names (see {@link ResourceProvisioner#provision(String)}).
 */
public final class LocalEmulator {

    private static final Logger LOG = LoggerFactory.getLogger(LocalEmulator.class);

    /** Region when neither {@code AWS_REGION} nor {@code aws.region} says otherwise. */
    public static final String DEFAULT_REGION = "ap-northeast-2";

    /** The SDK v2 system property for the SES v2 endpoint (note the upper-case V of the service id). */
    public static final String SES_V2_ENDPOINT_PROPERTY = "aws.endpointUrlSesV2";

    /**
     * AwsClients' longer wait for a response (its {@code SOCKET_TIMEOUT_PROPERTY}; this module does not
     * depend on it), in seconds, for the clients of a JVM that talks to the emulator.
     */
    static final String SOCKET_TIMEOUT_PROPERTY = "breachnotice.aws.socketTimeoutSeconds";

    private static final Duration START_DEADLINE = Duration.ofSeconds(60);
    private static final Duration BOOTSTRAP_DEADLINE = Duration.ofMinutes(15);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** moto's model dump holds every table and queue: tens of megabytes after a bench, slow on a busy machine. */
    private static final Duration DUMP_TIMEOUT = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static @Nullable LocalEmulator shared;

    private final URI endpoint;
    private final URI sesEndpoint;
    private final String region;
    private final Path repositoryRoot;
    private final boolean attached;
    private final List<Process> children;
    private final HttpClient http;

    private LocalEmulator(
            URI endpoint,
            URI sesEndpoint,
            String region,
            Path repositoryRoot,
            boolean attached,
            List<Process> children) {
        this.endpoint = endpoint;
        this.sesEndpoint = sesEndpoint;
        this.region = region;
        this.repositoryRoot = repositoryRoot;
        this.attached = attached;
        this.children = List.copyOf(children);
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The emulator of this JVM, started (or attached) on first use. */
    public static synchronized LocalEmulator shared() {
        if (shared == null) {
            shared = create();
        }
        return shared;
    }

    private static LocalEmulator create() {
        Path root = CloudFormationTemplate.repositoryRoot(Path.of("").toAbsolutePath());
        String region = firstNonBlank(System.getenv("AWS_REGION"), System.getProperty("aws.region"), DEFAULT_REGION);
        String external = firstNonBlank(System.getenv("AWS_ENDPOINT_URL"), System.getProperty("aws.endpointUrl"), "");
        if (!external.isEmpty()) {
            String ses = firstNonBlank(
                    System.getenv("AWS_ENDPOINT_URL_SESV2"), System.getProperty(SES_V2_ENDPOINT_PROPERTY), external);
            LOG.info("attaching to the AWS endpoint {} (SES v2: {})", external, ses);
            return new LocalEmulator(URI.create(external), URI.create(ses), region, root, true, List.of());
        }
        bootstrap(root);
        Path logs = root.resolve(".tools/logs");
        int motoPort = freePort();
        int sesPort = freePort();
        List<Process> children = new ArrayList<>();
        try {
            children.add(start(
                    root,
                    List.of(
                            root.resolve(".tools/venv/bin/moto_server").toString(),
                            "-H",
                            "127.0.0.1",
                            "-p",
                            String.valueOf(motoPort)),
                    logs.resolve("moto-" + motoPort + ".log")));
            children.add(start(
                    root,
                    List.of(
                            "node",
                            root.resolve(".tools/node/node_modules/aws-ses-v2-local/dist/cli.js")
                                    .toString(),
                            "--host",
                            "127.0.0.1",
                            "--port",
                            String.valueOf(sesPort)),
                    logs.resolve("ses-" + sesPort + ".log")));
            LocalEmulator emulator = new LocalEmulator(
                    URI.create("http://127.0.0.1:" + motoPort),
                    URI.create("http://127.0.0.1:" + sesPort),
                    region,
                    root,
                    false,
                    children);
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::stop, "local-emulator-stop"));
            emulator.awaitHealthy("/moto-api/", emulator.endpoint, children.get(0));
            emulator.awaitHealthy("/health-check", emulator.sesEndpoint, children.get(1));
            LOG.info("local emulator up: moto on {}, aws-ses-v2-local on {}", emulator.endpoint, emulator.sesEndpoint);
            return emulator;
        } catch (RuntimeException e) {
            children.forEach(LocalEmulator::destroy);
            throw e;
        }
    }

    /** Endpoint of every service but SES v2 (moto, or {@code AWS_ENDPOINT_URL}). */
    public URI endpoint() {
        return endpoint;
    }

    /** Endpoint of SES v2 (aws-ses-v2-local, or {@code AWS_ENDPOINT_URL_SESV2}, else {@link #endpoint()}). */
    public URI sesEndpoint() {
        return sesEndpoint;
    }

    public String region() {
        return region;
    }

    /** Whether this attached to an endpoint given by the environment instead of starting the emulators. */
    public boolean attached() {
        return attached;
    }

    /** The folder holding {@code template.yaml}. */
    public Path repositoryRoot() {
        return repositoryRoot;
    }

    /** Environment variables that point a child process (CLI, SAM, boto3) at this emulator. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_ENDPOINT_URL", endpoint.toString());
        environment.put("AWS_ENDPOINT_URL_SESV2", sesEndpoint.toString());
        environment.put("AWS_REGION", region);
        environment.put("AWS_DEFAULT_REGION", region);
        environment.put("AWS_ACCESS_KEY_ID", "test");
        environment.put("AWS_SECRET_ACCESS_KEY", "test");
        return environment;
    }

    /**
     * Points every SDK v2 client built afterwards in this JVM at the emulator, through the SDK's own
     * system properties ({@code aws.endpointUrl}, {@value #SES_V2_ENDPOINT_PROPERTY}, {@code
     * aws.region}, {@code aws.accessKeyId}, {@code aws.secretAccessKey}), and lets their clients wait
     * 120 s for an answer ({@value #SOCKET_TIMEOUT_PROPERTY}) unless the property is set already.
     */
    public void applyToSystemProperties() {
        System.setProperty("aws.endpointUrl", endpoint.toString());
        System.setProperty(SES_V2_ENDPOINT_PROPERTY, sesEndpoint.toString());
        System.setProperty("aws.region", region);
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        // moto walks a whole table for every scan page: on a busy machine a page of a 20,000-row
        // table outlives the 15 s a client waits for DynamoDB (AwsClients.SOCKET_TIMEOUT_PROPERTY).
        System.getProperties().putIfAbsent(SOCKET_TIMEOUT_PROPERTY, "120");
    }

    /** Empties both emulators: moto's {@code POST /moto-api/reset}, aws-ses-v2-local's {@code POST /clear-store}. */
    public void reset() {
        post(endpoint.resolve("/moto-api/reset"));
        post(sesEndpoint.resolve("/clear-store"));
    }

    /** Every email aws-ses-v2-local accepted since the last {@link #reset()}, oldest first. */
    public List<RecordedEmail> recordedEmails() {
        JsonNode store = getJson(sesEndpoint.resolve("/store"));
        List<RecordedEmail> emails = new ArrayList<>();
        for (JsonNode email : store.path("emails")) {
            JsonNode destination = email.path("destination");
            JsonNode body = email.path("body");
            Map<String, String> headers = new LinkedHashMap<>();
            for (JsonNode header : email.path("headers")) {
                headers.put(header.path("name").asText(), header.path("value").asText());
            }
            emails.add(new RecordedEmail(
                    email.path("messageId").asText(),
                    email.path("from").asText(),
                    texts(destination.path("to")),
                    texts(destination.path("cc")),
                    texts(destination.path("bcc")),
                    email.path("subject").asText(),
                    body.hasNonNull("text") ? body.get("text").asText() : null,
                    body.hasNonNull("html") ? body.get("html").asText() : null,
                    headers,
                    Instant.ofEpochSecond(email.path("at").asLong())));
        }
        return List.copyOf(emails);
    }

    /**
     * Every SMS published through moto's SNS since the last {@link #reset()}, oldest first. moto keeps
     * them in its SNS backend only; its model dump ({@code GET /moto-api/data.json}, {@code sns.SMS})
     * is the one way to read them over HTTP.
     */
    public List<RecordedSms> recordedSms() {
        JsonNode data = getJson(endpoint.resolve("/moto-api/data.json"), DUMP_TIMEOUT);
        List<RecordedSms> messages = new ArrayList<>();
        for (JsonNode sms : data.path("sns").path("SMS")) {
            messages.add(new RecordedSms(
                    sms.path("message_id").asText(),
                    sms.path("phone_number").asText(),
                    sms.path("message").asText()));
        }
        return List.copyOf(messages);
    }

    @Override
    public String toString() {
        return "LocalEmulator[" + endpoint + ", ses " + sesEndpoint + (attached ? ", attached" : "") + "]";
    }

    private void stop() {
        children.forEach(LocalEmulator::destroy);
    }

    private static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void bootstrap(Path root) {
        Path script = root.resolve("infra/local/emulator/bootstrap.sh");
        Path log = root.resolve(".tools/logs/bootstrap-run.log");
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder("bash", script.toString())
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(BOOTSTRAP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("bootstrap.sh did not finish within " + BOOTSTRAP_DEADLINE);
            }
            String output = Files.readString(log).strip();
            if (process.exitValue() != 0) {
                throw new IllegalStateException("bootstrap.sh failed (exit " + process.exitValue() + "): " + output);
            }
            if (!output.isEmpty()) {
                LOG.info("{}", output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while bootstrapping", e);
        }
    }

    private static Process start(Path root, List<String> command, Path log) {
        try {
            Files.createDirectories(log.getParent());
            LOG.debug("starting {} (output in {})", command, log);
            return new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private void awaitHealthy(String path, URI base, Process process) {
        URI uri = base.resolve(path);
        Instant deadline = Instant.now().plus(START_DEADLINE);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.info().command().orElse("emulator") + " exited with "
                        + process.exitValue() + "; see .tools/logs/");
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(2))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "status " + response.statusCode();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + uri, e);
            }
            // Poll again shortly: the process is starting, and a refused connection returns at once.
            try {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + uri, e);
            }
        }
        throw new IllegalStateException(uri + " not healthy within " + START_DEADLINE + ": " + last);
    }

    private void post(URI uri) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + uri + " answered " + response.statusCode()
                    + (attached ? " (the attached endpoint may not be moto / aws-ses-v2-local)" : ""));
        }
    }

    private JsonNode getJson(URI uri) {
        return getJson(uri, REQUEST_TIMEOUT);
    }

    private JsonNode getJson(URI uri, Duration timeout) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode()
                    + (attached ? " (the attached endpoint may not be moto / aws-ses-v2-local)" : ""));
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " did not answer JSON", e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    private static String firstNonBlank(@Nullable String first, @Nullable String second, String fallback) {
        if (first != null && !first.isBlank()) {
            return first.strip();
        }
        if (second != null && !second.isBlank()) {
            return second.strip();
        }
        return fallback;
    }
}
