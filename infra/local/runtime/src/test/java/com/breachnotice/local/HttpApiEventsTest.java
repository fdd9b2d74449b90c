package com.breachnotice.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiEventsTest {

    private static final Instant RECEIVED = Instant.parse("2025-03-04T10:15:30.123Z");

    @Test
    void toEvent_jsonPost_isPayloadFormat2() {
        HttpRequestData request = new HttpRequestData(
                "POST",
                "/v1/challenges/ch%2D1/verify",
                "lang=fr&x=1&x=2&q=a%20b",
                List.of(
                        Map.entry("Host", "127.0.0.1:8080"),
                        Map.entry("Content-Type", "application/json; charset=utf-8"),
                        Map.entry("User-Agent", "curl/8.5"),
                        Map.entry("X-Multi", "a"),
                        Map.entry("x-multi", "b"),
                        Map.entry("Cookie", "s=1; theme=dark")),
                "{\"code\":\"123456\"}".getBytes(StandardCharsets.UTF_8),
                "127.0.0.1",
                "HTTP/1.1",
                RECEIVED,
                "req-1");

        APIGatewayV2HTTPEvent event = HttpApiEvents.toEvent(
                request, "POST /v1/challenges/{challengeId}/verify", Map.of("challengeId", "ch-1"), "123456789012");

        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("POST /v1/challenges/{challengeId}/verify");
        assertThat(event.getRawPath()).isEqualTo("/v1/challenges/ch%2D1/verify");
        assertThat(event.getRawQueryString()).isEqualTo("lang=fr&x=1&x=2&q=a%20b");
        assertThat(event.getQueryStringParameters())
                .containsExactlyInAnyOrderEntriesOf(Map.of("lang", "fr", "x", "1,2", "q", "a b"));
        assertThat(event.getPathParameters()).containsExactlyEntriesOf(Map.of("challengeId", "ch-1"));
        assertThat(event.getCookies()).containsExactly("s=1", "theme=dark");
        assertThat(event.getHeaders())
                .containsEntry("host", "127.0.0.1:8080")
                .containsEntry("content-type", "application/json; charset=utf-8")
                .containsEntry("x-multi", "a,b")
                .containsEntry("x-forwarded-for", "127.0.0.1")
                .doesNotContainKey("cookie")
                .allSatisfy((name, value) -> assertThat(name).isLowerCase());
        assertThat(event.getBody()).isEqualTo("{\"code\":\"123456\"}");
        assertThat(event.getIsBase64Encoded()).isFalse();
        assertThat(event.getStageVariables()).isNull();

        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        assertThat(context.getRouteKey()).isEqualTo(event.getRouteKey());
        assertThat(context.getStage()).isEqualTo("$default");
        assertThat(context.getAccountId()).isEqualTo("123456789012");
        assertThat(context.getApiId()).isEqualTo("local");
        assertThat(context.getDomainName()).isEqualTo("127.0.0.1");
        assertThat(context.getRequestId()).isEqualTo("req-1");
        assertThat(context.getTime()).isEqualTo("04/Mar/2025:10:15:30 +0000");
        assertThat(context.getTimeEpoch()).isEqualTo(RECEIVED.toEpochMilli());
        assertThat(context.getHttp().getMethod()).isEqualTo("POST");
        assertThat(context.getHttp().getPath()).isEqualTo("/v1/challenges/ch%2D1/verify");
        assertThat(context.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getHttp().getUserAgent()).isEqualTo("curl/8.5");
    }

    @Test
    void toEvent_binaryBody_isBase64Encoded() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        HttpRequestData request = new HttpRequestData(
                "PUT",
                "/upload",
                "",
                List.of(Map.entry("Content-Type", "image/png")),
                png,
                "127.0.0.1",
                "HTTP/1.1",
                RECEIVED,
                "req-2");

        APIGatewayV2HTTPEvent event = HttpApiEvents.toEvent(request, "$default", Map.of(), "123456789012");

        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(png);
        assertThat(event.getQueryStringParameters()).isNull();
        assertThat(event.getPathParameters()).isNull();
        assertThat(event.getCookies()).isNull();
        assertThat(event.getRawQueryString()).isEmpty();
    }

    @Test
    void toEvent_noBody_hasNullBody() {
        HttpRequestData request =
                new HttpRequestData("GET", "/", "", List.of(), new byte[0], "127.0.0.1", "HTTP/1.1", RECEIVED, "req-3");

        APIGatewayV2HTTPEvent event = HttpApiEvents.toEvent(request, "GET /", Map.of(), "123456789012");

        assertThat(event.getBody()).isNull();
        assertThat(event.getIsBase64Encoded()).isFalse();
    }

    @Test
    void isText_textTypes_areNotEncoded() {
        assertThat(HttpApiEvents.isText("text/html; charset=utf-8")).isTrue();
        assertThat(HttpApiEvents.isText("application/problem+json")).isTrue();
        assertThat(HttpApiEvents.isText("application/octet-stream")).isFalse();
        assertThat(HttpApiEvents.isText(null)).isFalse();
    }
}
