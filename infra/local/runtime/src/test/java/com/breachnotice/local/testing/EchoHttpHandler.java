package com.breachnotice.local.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;

/**
 * Records each request and answers 201 with the route key, path parameter and body; throws on
 * {@code /boom}.
 */
public final class EchoHttpHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final List<Object> events;

    public EchoHttpHandler() {
        this(System.getenv());
    }

    public EchoHttpHandler(Map<String, String> environment) {
        this.events = Recordings.of(environment);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        events.add(event);
        if (event.getRawPath().endsWith("/boom")) {
            throw new IllegalStateException("boom");
        }
        Map<String, String> parameters = event.getPathParameters() == null ? Map.of() : event.getPathParameters();
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(201)
                .withHeaders(Map.of("content-type", "text/plain", "x-route", event.getRouteKey()))
                .withCookies(List.of("session=abc; HttpOnly"))
                .withBody(
                        event.getRouteKey() + "|" + parameters.getOrDefault("challengeId", "-") + "|" + event.getBody())
                .build();
    }
}
