package com.breachnotice.lookup;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming: before Lambda takes the snapshot of a published version, every route of the
 * handler runs once, so that the snapshot holds loaded and initialised classes (Jackson, the SDK's
 * DynamoDB marshallers, libphonenumber's metadata, the HMAC) rather than a cold JVM.
 *
 * <p>Priming must not change anything a person could see: the contact is invalid (no challenge, no
 * code), the challenge id is unknown and the reference code malformed (reads only). The only writes
 * are the per-address counters of the priming address, which expire within the hour.
 *
 * <p>On a JVM without CRaC (a developer's machine, the local runtime) registering does nothing.
 */
final class LookupHandlerPriming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(LookupHandlerPriming.class);
    private static final String PRIMING_ADDRESS = "snapstart-priming";

    /** The global context holds resources weakly: without this list they would be collected. */
    private static final List<LookupHandlerPriming> REGISTERED = new ArrayList<>();

    private final LookupHandler handler;

    private LookupHandlerPriming(LookupHandler handler) {
        this.handler = handler;
    }

    static synchronized void register(LookupHandler handler) {
        LookupHandlerPriming priming = new LookupHandlerPriming(handler);
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        for (APIGatewayV2HTTPEvent request : requests()) {
            int status = handler.handleRequest(handler.vouched(request), null).getStatusCode();
            if (status >= 500) {
                // A failed priming leaves a colder snapshot, not a broken one: log and go on.
                LOG.warn("priming: route answered {}", status);
            }
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: the SecureRandom reseeds from the OS on every call (see LookupWiring).
    }

    /** One request per route, none of which creates a challenge or sends a code. */
    static List<APIGatewayV2HTTPEvent> requests() {
        String unknownId = "AAAAAAAAAAAAAAAAAAAAAA";
        return List.of(
                request(LookupHandler.ROUTE_PAGE, "/", Map.of(), null),
                request(LookupHandler.ROUTE_ASSET, "/assets/app.js", Map.of("file", "app.js"), null),
                request(LookupHandler.ROUTE_INCIDENT, "/v1/incident", Map.of(), null),
                request(LookupHandler.ROUTE_START, "/v1/challenges", Map.of(), "{\"contact\":\"not-a-contact\"}"),
                request(
                        LookupHandler.ROUTE_VERIFY,
                        "/v1/challenges/" + unknownId + "/verify",
                        Map.of("challengeId", unknownId),
                        "{\"code\":\"000000\"}"),
                request(LookupHandler.ROUTE_REFERENCE, "/v1/notices/verify", Map.of(), "{\"reference\":\"priming\"}"));
    }

    /** A request as API Gateway passes it: the matched route's key and its path parameters. */
    private static APIGatewayV2HTTPEvent request(
            String routeKey, String path, Map<String, String> pathParameters, @Nullable String body) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method)
                .withPath(path)
                .withSourceIp(PRIMING_ADDRESS)
                .build();
        APIGatewayV2HTTPEvent.RequestContext context =
                APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(context)
                .build();
    }
}
