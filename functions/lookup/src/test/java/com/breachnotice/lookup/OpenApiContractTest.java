package com.breachnotice.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.lookup.LookupFixture;
import com.breachnotice.core.lookup.LookupLimits;
import com.breachnotice.core.manifest.ItemKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps {@code openapi.yaml} true: its routes are the handler's and the template's, its enums are the
 * domain's, and every kind of answer the handler really gives (each route, each status) validates
 * against the documented schema, with the documented content type and headers.
 */
class OpenApiContractTest {

    private static final java.util.function.Supplier<
                    java.util.Optional<com.breachnotice.core.incident.IncidentDescription>>
            SAMPLE = () -> java.util.Optional.of(com.breachnotice.aws.incident.IncidentJson.sample());

    private static final Path OPENAPI = Path.of("openapi.yaml");
    private static final Path TEMPLATE = Path.of("..", "..", "template.yaml");
    private static final String BASE = "https://breach-notice.invalid/openapi.json";

    private final JsonNode openapi = load();
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012, b -> b.schemaLoaders(l -> l.schemas(Map.of(BASE, openapi.toString()))));
    private final SchemaValidatorsConfig config =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final LookupFixture fixture = new LookupFixture();
    private final LookupHandler handler = new LookupHandler(fixture.service, fixture.limiter, SAMPLE);

    @Test
    void document_isOpenApi31() {
        assertThat(openapi.path("openapi").asText()).startsWith("3.1.");
    }

    @Test
    void routes_matchTheTemplatesLookupFunction() throws IOException {
        assertThat(documentedRoutes()).isEqualTo(templateRoutes());
    }

    @Test
    void enums_matchTheDomain() {
        JsonNode components = openapi.path("components").path("schemas");
        assertThat(texts(components.path("ItemKind").path("enum")))
                .containsExactlyElementsOf(
                        Arrays.stream(ItemKind.values()).map(ItemKind::code).toList());
        assertThat(texts(components.path("Channel").path("enum")))
                .containsExactlyElementsOf(
                        Arrays.stream(Channel.values()).map(Channel::code).toList());
        assertThat(texts(components
                        .path("Notice")
                        .path("properties")
                        .path("status")
                        .path("enum")))
                .containsExactlyElementsOf(Arrays.stream(DeliveryStatus.values())
                        .map(DeliveryStatus::code)
                        .toList());
    }

    @Test
    void publicResources_validate() {
        check("GET", "/", "/", null);
        check("GET", "/assets/{file}", "/assets/app.js", null);
        check("GET", "/assets/{file}", "/assets/app.css", null);
        check("GET", "/assets/{file}", "/assets/favicon.svg", null);
        check("GET", "/assets/{file}", "/assets/secret.txt", null);
        check("GET", "/v1/incident", "/v1/incident", null);
    }

    @Test
    void challengeAnswers_validate() {
        String started = body(check("POST", "/v1/challenges", "/v1/challenges", "{\"contact\":\"nobody@example.org\"}"))
                .path("challengeId")
                .asText();
        check("POST", "/v1/challenges", "/v1/challenges", "{\"contact\":\"not a contact\"}");
        check("POST", "/v1/challenges", "/v1/challenges", "{\"contact\":");
        check("POST", "/v1/challenges", "/v1/challenges", "{}");
        for (int i = 0; i < 5; i++) {
            handler.handleRequest(event("POST", "/v1/challenges", "{\"contact\":\"010-1234-5678\"}"), null);
        }
        assertThat(check("POST", "/v1/challenges", "/v1/challenges", "{\"contact\":\"010-1234-5678\"}")
                        .getStatusCode())
                .isEqualTo(429);

        String verify = "/v1/challenges/{challengeId}/verify";
        String path = "/v1/challenges/" + started + "/verify";
        check("POST", verify, path, "{\"code\":\"12ab\"}");
        String wrong = otherCode(fixture.codes.requests().get(0).code());
        assertThat(check("POST", verify, path, "{\"code\":\"" + wrong + "\"}").getStatusCode())
                .isEqualTo(401);
        for (int i = 0; i < 4; i++) {
            handler.handleRequest(event("POST", path, "{\"code\":\"" + wrong + "\"}"), null);
        }
        assertThat(check("POST", verify, path, "{\"code\":\"" + wrong + "\"}").getStatusCode())
                .isEqualTo(429);
        assertThat(check("POST", verify, "/v1/challenges/AAAAAAAAAAAAAAAAAAAAAA/verify", "{\"code\":\"123456\"}")
                        .getStatusCode())
                .isEqualTo(410);
        // Found by schemathesis: an id that cannot exist used to fall through to 404.
        assertThat(check("POST", verify, "/v1/challenges/%C2%84/verify", "{\"code\":\"000000\"}")
                        .getStatusCode())
                .isEqualTo(410);
        assertThat(check(
                                "POST",
                                verify,
                                "/v1/challenges/" + "%F0%9D%93%A3".repeat(40) + "/verify",
                                "{\"code\":\"000000\"}")
                        .getStatusCode())
                .isEqualTo(410);

        String affected = body(check(
                        "POST",
                        "/v1/challenges",
                        "/v1/challenges",
                        "{\"contact\":\"" + LookupFixture.AFFECTED_EMAIL + "\"}"))
                .path("challengeId")
                .asText();
        String right = fixture.codes.last().code();
        JsonNode report =
                body(check("POST", verify, "/v1/challenges/" + affected + "/verify", "{\"code\":\"" + right + "\"}"));
        assertThat(report.path("affected").asBoolean()).isTrue();
        assertThat(report.path("notices")).hasSize(2);
    }

    @Test
    void busyAnswer_validates() {
        LookupFixture spent = new LookupFixture(5L, 1);
        LookupHandler busyHandler = new LookupHandler(spent.service, spent.limiter, SAMPLE);
        busyHandler.handleRequest(event("POST", "/v1/challenges", "{\"contact\":\"someone@example.org\"}"), null);

        APIGatewayV2HTTPResponse busy =
                check(busyHandler, "POST", "/v1/challenges", "/v1/challenges", "{\"contact\":\"someone@example.org\"}");

        assertThat(busy.getStatusCode()).isEqualTo(503);
        assertThat(body(busy).path("error").asText()).isEqualTo("busy");
    }

    @Test
    void noticeAnswers_validate() {
        String route = "/v1/notices/verify";
        JsonNode genuine =
                body(check("POST", route, route, "{\"reference\":\"" + LookupFixture.FIRST_REFERENCE + "\"}"));
        assertThat(genuine.path("genuine").asBoolean()).isTrue();
        check("POST", route, route, "{\"reference\":\"ABCD-EFGH-JKMN-PQ\"}");
        check("POST", route, route, "{\"reference\":\"http://evil.example/\"}");
        check("POST", route, route, "{\"ref\":\"x\"}");
        for (int i = 0; i < LookupLimits.DEFAULTS.checksPerAddress(); i++) {
            handler.handleRequest(event("POST", route, "{\"reference\":\"x\"}"), null);
        }
        assertThat(check("POST", route, route, "{\"reference\":\"x\"}").getStatusCode())
                .isEqualTo(429);
    }

    /** Sends the request and checks the answer against the document; returns it. */
    private APIGatewayV2HTTPResponse check(String method, String route, String path, String body) {
        return check(handler, method, route, path, body);
    }

    private APIGatewayV2HTTPResponse check(
            LookupHandler handler, String method, String route, String path, String body) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event(method, path, body), null);
        String status = Integer.toString(response.getStatusCode());
        JsonNode operation = openapi.path("paths").path(route).path(method.toLowerCase(java.util.Locale.ROOT));
        assertThat(operation.isObject())
                .as(method + " " + route + " is documented")
                .isTrue();
        JsonNode declared = operation.path("responses").path(status);
        assertThat(declared.isObject())
                .as(method + " " + path + " answered " + status + ", which is not documented")
                .isTrue();
        String pointer =
                "#/paths/" + escape(route) + "/" + method.toLowerCase(java.util.Locale.ROOT) + "/responses/" + status;
        if (declared.has("$ref")) {
            pointer = declared.path("$ref").asText();
            declared = resolve(pointer);
        }
        String mediaType =
                response.getHeaders().get("Content-Type").split(";", 2)[0].strip();
        assertThat(fieldNames(declared.path("content")))
                .as("content type of " + method + " " + path + " " + status)
                .contains(mediaType);
        for (String header : fieldNames(declared.path("headers"))) {
            JsonNode spec = declared.path("headers").path(header);
            if (spec.has("$ref")) {
                spec = resolve(spec.path("$ref").asText());
            }
            String value = response.getHeaders().get(header);
            if (spec.path("required").asBoolean(false)) {
                assertThat(value).as(header + " of " + method + " " + path).isNotNull();
            }
            if (value != null && spec.path("schema").has("const")) {
                assertThat(value).isEqualTo(spec.path("schema").path("const").asText());
            }
            if (value != null && spec.path("schema").has("pattern")) {
                assertThat(value).matches(spec.path("schema").path("pattern").asText());
            }
        }
        if (mediaType.equals("application/json")) {
            JsonSchema schema =
                    schemas.getSchema(SchemaLocation.of(BASE + pointer + "/content/application~1json/schema"), config);
            Set<ValidationMessage> errors = schema.validate(body(response));
            assertThat(errors)
                    .as(method + " " + path + " " + status + ": " + response.getBody())
                    .isEmpty();
        }
        return response;
    }

    private JsonNode resolve(String ref) {
        return openapi.at(ref.substring(1));
    }

    private Set<String> documentedRoutes() {
        Set<String> routes = new TreeSet<>();
        openapi.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(op ->
                                routes.add(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey())));
        return routes;
    }

    /** The HttpApi events of LookupFunction in template.yaml (read as text: it uses CloudFormation tags). */
    private static Set<String> templateRoutes() throws IOException {
        String template = Files.readString(TEMPLATE, StandardCharsets.UTF_8);
        int start = template.indexOf("\n  LookupFunction:");
        int end = template.indexOf("\n  LookupLogGroup:", start);
        String function = template.substring(start, end);
        Matcher route = Pattern.compile("Method: (\\w+)\\s+Path: (\\S+)").matcher(function);
        Set<String> routes = new TreeSet<>();
        while (route.find()) {
            routes.add(route.group(1) + " " + route.group(2));
        }
        return routes;
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, String body) {
        APIGatewayV2HTTPEvent event = Events.load(method.equals("GET") ? "get-root.json" : "post-challenges.json");
        Events.Routed routed = Events.route(method, path);
        event.setRawPath(path);
        event.setRouteKey(routed.routeKey());
        event.getRequestContext().setRouteKey(routed.routeKey());
        event.setPathParameters(routed.pathParameters().isEmpty() ? null : routed.pathParameters());
        event.getRequestContext().getHttp().setPath(path);
        event.getRequestContext().getHttp().setMethod(method);
        event.setBody(body);
        return event;
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) {
        try {
            return LookupJson.MAPPER.readTree(response.getBody());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    private static JsonNode load() {
        try {
            Object yaml = new Yaml().load(Files.readString(OPENAPI, StandardCharsets.UTF_8));
            return LookupJson.MAPPER.valueToTree(yaml);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + OPENAPI.toAbsolutePath(), e);
        }
    }

    private static String escape(String route) {
        return route.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String otherCode(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }
}
