package com.breachnotice.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.local.testing.EchoHttpHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class HttpRoutesTest {

    private final HandlerInvoker invoker = new HandlerInvoker(
            new LocalFunction(
                    "Lookup",
                    "stack-Lookup",
                    EchoHttpHandler.class.getName() + "::handleRequest",
                    Duration.ofSeconds(3),
                    128,
                    Map.of("RECORDING", "routes"),
                    List.of()),
            Map.of("RECORDING", "routes"),
            "arn:aws:lambda:eu-west-1:123456789012:function:stack-Lookup",
            1,
            Clock.systemUTC(),
            InvocationListener.NONE,
            getClass().getClassLoader());

    private final HttpRoutes routes = new HttpRoutes(List.of(
            route("Page", "GET", "/"),
            route("Verify", "POST", "/v1/challenges/{challengeId}/verify"),
            route("Literal", "POST", "/v1/challenges/latest/verify"),
            route("Any", "ANY", "/v1/challenges"),
            route("Start", "POST", "/v1/challenges"),
            route("Assets", "GET", "/assets/{proxy+}")));

    @Test
    void match_literalBeatsParameter() {
        assertThat(routeKey("POST", "/v1/challenges/latest/verify")).isEqualTo("POST /v1/challenges/latest/verify");
        assertThat(routeKey("POST", "/v1/challenges/c-9/verify")).isEqualTo("POST /v1/challenges/{challengeId}/verify");
    }

    @Test
    void match_parameter_isDecoded() {
        var match = routes.match("POST", "/v1/challenges/a%20b/verify").orElseThrow();
        assertThat(match.pathParameters()).containsExactlyEntriesOf(Map.of("challengeId", "a b"));
    }

    @Test
    void match_specificMethodBeatsAny() {
        assertThat(routeKey("POST", "/v1/challenges")).isEqualTo("POST /v1/challenges");
        assertThat(routeKey("DELETE", "/v1/challenges")).isEqualTo("ANY /v1/challenges");
    }

    @Test
    void match_greedy_takesTheRest() {
        var match = routes.match("GET", "/assets/css/site.css").orElseThrow();
        assertThat(match.pathParameters()).containsExactlyEntriesOf(Map.of("proxy", "css/site.css"));
        assertThat(routes.match("GET", "/assets")).isEmpty();
    }

    @Test
    void match_unknownPathOrMethod_isEmpty() {
        assertThat(routes.match("GET", "/v1/unknown")).isEmpty();
        assertThat(routes.match("GET", "/v1/challenges/c/verify")).isEmpty();
        assertThat(routeKey("GET", "/")).isEqualTo("GET /");
    }

    private @Nullable String routeKey(String method, String path) {
        return routes.match(method, path)
                .map(m -> m.route().definition().routeKey())
                .orElse(null);
    }

    private HttpRoutes.Route route(String name, String method, String path) {
        return new HttpRoutes.Route(new EventSourceDefinition.HttpApi(name, method, path), invoker);
    }
}
