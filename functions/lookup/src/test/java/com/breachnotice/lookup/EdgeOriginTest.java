package com.breachnotice.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.aws.incident.IncidentJson;
import com.breachnotice.core.lookup.LookupFixture;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The origin accepts only the edge, and takes the client's address only from what the edge vouches for. */
class EdgeOriginTest {

    private static final String SECRET = "synthetic-origin-secret-for-tests";
    private static final EdgeOrigin EDGE = new EdgeOrigin(SECRET);

    private final LookupFixture fixture = new LookupFixture();
    private final LookupHandler behindEdge =
            new LookupHandler(fixture.service, fixture.limiter, () -> Optional.of(IncidentJson.sample()), EDGE);

    @Test
    void noSecret_checksNothing_andUsesApiGatewaysSourceIp() {
        EdgeOrigin none = EdgeOrigin.from(new FunctionEnvironment(Map.of()));
        APIGatewayV2HTTPEvent event = viewer("get-root.json", null, "198.51.100.7:443");

        assertThat(none.required()).isFalse();
        assertThat(none.admits(event.getHeaders())).isTrue();
        // The viewer header is not trusted without an edge to vouch for it.
        assertThat(address(none, event)).isEqualTo("203.0.113.24");
    }

    @Test
    void secret_admitsOnlyTheEdgesHeader() {
        assertThat(EDGE.admits(
                        viewer("get-root.json", SECRET, "198.51.100.7:443").getHeaders()))
                .isTrue();
        assertThat(EDGE.admits(viewer("get-root.json", null, "198.51.100.7:443").getHeaders()))
                .isFalse();
        assertThat(EDGE.admits(viewer("get-root.json", SECRET + "x", "198.51.100.7:443")
                        .getHeaders()))
                .isFalse();
        assertThat(EDGE.admits(viewer("get-root.json", "", "198.51.100.7:443").getHeaders()))
                .isFalse();
    }

    @Test
    void secret_clientAddressIsTheViewerAddressWithoutItsPort() {
        assertThat(address(EDGE, viewer("get-root.json", SECRET, "198.51.100.7:46532")))
                .isEqualTo("198.51.100.7");
        assertThat(address(EDGE, viewer("get-root.json", SECRET, "2001:db8::8a2e:370:7334:46532")))
                .isEqualTo("2001:db8::8a2e:370:7334");
        // No viewer header (a misconfigured origin request policy): API Gateway's view, never X-Forwarded-For.
        assertThat(address(EDGE, viewer("get-root.json", SECRET, null))).isEqualTo("203.0.113.24");
    }

    @Test
    void headerNamesAreMatchedWhateverTheirCase() {
        APIGatewayV2HTTPEvent event = Events.load("get-root.json");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("X-Origin-Verify", SECRET);
        headers.put("CloudFront-Viewer-Address", "198.51.100.9:1");
        event.setHeaders(headers);

        assertThat(EDGE.admits(event.getHeaders())).isTrue();
        assertThat(address(EDGE, event)).isEqualTo("198.51.100.9");
    }

    @Test
    void toString_neverShowsTheSecret() {
        assertThat(EDGE.toString()).doesNotContain(SECRET);
    }

    @Test
    void handler_refusesRequestsAroundTheEdge_with403() {
        APIGatewayV2HTTPResponse around = behindEdge.handleRequest(viewer("get-root.json", null, null), null);
        APIGatewayV2HTTPResponse through =
                behindEdge.handleRequest(viewer("get-root.json", SECRET, "198.51.100.7:443"), null);

        assertThat(around.getStatusCode()).isEqualTo(403);
        assertThat(around.getBody()).contains("\"forbidden\"").doesNotContain(SECRET);
        assertThat(through.getStatusCode()).isEqualTo(200);
    }

    @Test
    void handler_limitsPerViewerAddress_notPerCloudFrontServer() {
        // Every request arrives from the same CloudFront server (sourceIp) for two different viewers.
        int limit = com.breachnotice.core.lookup.LookupLimits.DEFAULTS.checksPerAddress();
        for (int i = 0; i < limit; i++) {
            assertThat(check("198.51.100.7:" + (1000 + i)).getStatusCode()).isNotEqualTo(429);
        }

        assertThat(check("198.51.100.7:2000").getStatusCode()).isEqualTo(429);
        assertThat(check("198.51.100.8:2000").getStatusCode()).isNotEqualTo(429);
    }

    @Test
    void priming_passesTheCheck() {
        APIGatewayV2HTTPEvent primed = behindEdge.vouched(viewer("get-root.json", null, null));

        assertThat(behindEdge.handleRequest(primed, null).getStatusCode()).isEqualTo(200);
    }

    private static String address(EdgeOrigin edge, APIGatewayV2HTTPEvent event) {
        return edge.clientAddress(
                event.getHeaders(), event.getRequestContext().getHttp().getSourceIp());
    }

    private APIGatewayV2HTTPResponse check(String viewerAddress) {
        return behindEdge.handleRequest(viewer("post-notices-verify.json", SECRET, viewerAddress), null);
    }

    /** An event from the fixtures (sourceIp 203.0.113.24) with the edge's headers as given. */
    private static APIGatewayV2HTTPEvent viewer(String name, @Nullable String verify, @Nullable String viewerAddress) {
        APIGatewayV2HTTPEvent event = Events.load(name);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (verify != null) {
            headers.put(EdgeOrigin.VERIFY_HEADER, verify);
        }
        if (viewerAddress != null) {
            headers.put(EdgeOrigin.VIEWER_ADDRESS_HEADER, viewerAddress);
        }
        event.setHeaders(headers);
        return event;
    }
}
