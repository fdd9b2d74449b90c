package com.breachnotice.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link APIGatewayV2HTTPEvent} (payload format 2.0) API Gateway's HTTP API passes to a
 * Lambda integration: header names lower-cased and repeated headers joined with commas, cookies taken out
 * of the headers into {@code cookies}, repeated query parameters joined with commas, a body that is not
 * text base64-encoded.
 */
final class HttpApiEvents {

    static final String API_ID = "local";
    static final String STAGE = "$default";

    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern(
                    "dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private HttpApiEvents() {}

    static APIGatewayV2HTTPEvent toEvent(
            HttpRequestData request, String routeKey, Map<String, String> pathParameters, String accountId) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        for (Map.Entry<String, String> header : request.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                for (String cookie : header.getValue().split(";")) {
                    if (!cookie.isBlank()) {
                        cookies.add(cookie.strip());
                    }
                }
                continue;
            }
            headers.merge(name, header.getValue(), (first, second) -> first + "," + second);
        }
        headers.putIfAbsent("x-forwarded-for", request.sourceIp());
        headers.putIfAbsent("x-forwarded-proto", "http");
        String host = headers.getOrDefault("host", "localhost");
        String domainName = host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;

        @Nullable String body = null;
        boolean base64 = false;
        if (request.body().length > 0) {
            if (isText(headers.get("content-type"))) {
                body = new String(request.body(), StandardCharsets.UTF_8);
            } else {
                body = Base64.getEncoder().encodeToString(request.body());
                base64 = true;
            }
        }

        APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(request.method())
                .withPath(request.rawPath())
                .withProtocol(request.protocol())
                .withSourceIp(request.sourceIp())
                .withUserAgent(headers.getOrDefault("user-agent", ""))
                .build();
        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId(accountId)
                .withApiId(API_ID)
                .withDomainName(domainName)
                .withDomainPrefix(
                        domainName.contains(".") ? domainName.substring(0, domainName.indexOf('.')) : domainName)
                .withHttp(http)
                .withRequestId(request.requestId())
                .withRouteKey(routeKey)
                .withStage(STAGE)
                .withTime(REQUEST_TIME.format(request.received()))
                .withTimeEpoch(request.received().toEpochMilli())
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(request.rawPath())
                .withRawQueryString(request.rawQueryString())
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(queryParameters(request.rawQueryString()))
                .withPathParameters(pathParameters.isEmpty() ? null : new LinkedHashMap<>(pathParameters))
                .withBody(body)
                .withIsBase64Encoded(base64)
                .withRequestContext(context)
                .build();
    }

    /** API Gateway passes these bodies as text; anything else is base64-encoded. */
    static boolean isText(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.equals("application/json")
                || type.endsWith("+json")
                || type.equals("application/xml")
                || type.endsWith("+xml")
                || type.equals("application/javascript")
                || type.equals("application/graphql");
    }

    private static @Nullable Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (first, second) -> first + "," + second);
        }
        return parameters.isEmpty() ? null : parameters;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
