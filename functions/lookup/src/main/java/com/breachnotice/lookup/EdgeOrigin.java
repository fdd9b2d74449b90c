package com.breachnotice.lookup;

import com.breachnotice.aws.config.FunctionEnvironment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the edge (CloudFront with AWS WAF, docs/lookup.md#the-edge) vouches for. CloudFront adds
 * {@value #VERIFY_HEADER} with a secret to every request it forwards; a request without it went
 * around the edge (straight to the execute-api address) and is refused. Only then is {@value
 * #VIEWER_ADDRESS_HEADER} trusted as the client's address: CloudFront sets it from the connection, so
 * a client cannot choose it, while API Gateway's source IP is a CloudFront server shared by thousands.
 *
 * <p>With no secret (the edge is off, the local runtime) nothing is checked and the address is API
 * Gateway's source IP, as before the edge. X-Forwarded-For is never read: a client writes its start.
 *
 * @param secret the value of {@value #VERIFY_HEADER}, empty for no edge
 */
record EdgeOrigin(String secret) {

    /** The header CloudFront adds (template.yaml, LookupDistribution's origin). */
    static final String VERIFY_HEADER = "x-origin-verify";

    /** CloudFront's {@code address:port} of the viewer (its origin request policy forwards it). */
    static final String VIEWER_ADDRESS_HEADER = "cloudfront-viewer-address";

    static final EdgeOrigin NONE = new EdgeOrigin("");

    static EdgeOrigin from(FunctionEnvironment env) {
        return new EdgeOrigin(env.optional("EDGE_ORIGIN_SECRET", "").strip());
    }

    boolean required() {
        return !secret.isEmpty();
    }

    /** Whether the request came through the edge (always, when there is none); in constant time. */
    boolean admits(@Nullable Map<String, String> headers) {
        if (!required()) {
            return true;
        }
        String given = header(headers, VERIFY_HEADER);
        return given != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The client's address: the viewer's behind the edge, API Gateway's source IP without one.
     *
     * @param sourceIp API Gateway's {@code requestContext.http.sourceIp}
     */
    String clientAddress(@Nullable Map<String, String> headers, @Nullable String sourceIp) {
        if (required()) {
            String viewer = header(headers, VIEWER_ADDRESS_HEADER);
            // "198.51.100.7:46532" or "2001:db8::1:46532": the port follows the last colon.
            if (viewer != null && viewer.lastIndexOf(':') > 0) {
                return viewer.substring(0, viewer.lastIndexOf(':'));
            }
        }
        return sourceIp == null ? "unknown" : sourceIp;
    }

    /** {@code headers} as the edge forwards them: SnapStart priming runs every route before the snapshot. */
    Map<String, String> vouched(@Nullable Map<String, String> headers) {
        Map<String, String> vouched = headers == null ? new HashMap<>() : new HashMap<>(headers);
        if (required()) {
            vouched.put(VERIFY_HEADER, secret);
        }
        return vouched;
    }

    /** API Gateway passes header names in lower case; the local runtime may not. */
    private static @Nullable String header(@Nullable Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** Never prints the secret (a record's own toString would). */
    @Override
    public String toString() {
        return required() ? "EdgeOrigin[checked]" : "EdgeOrigin[none]";
    }
}
