package com.breachnotice.local;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as it reached the local server, before it becomes an API Gateway event.
 *
 * @param method as sent, for example {@code POST}
 * @param rawPath the path as sent, still percent-encoded
 * @param rawQueryString the query as sent, without {@code ?}, empty when none
 * @param headers header lines in order, names as sent
 * @param body the request body, empty when none
 * @param sourceIp the client's address, from the socket
 * @param protocol for example {@code HTTP/1.1}
 * @param received when the request arrived
 * @param requestId the id API Gateway would give the request
 */
record HttpRequestData(
        String method,
        String rawPath,
        String rawQueryString,
        List<Map.Entry<String, String>> headers,
        byte[] body,
        String sourceIp,
        String protocol,
        Instant received,
        String requestId) {

    HttpRequestData {
        headers = List.copyOf(headers);
    }
}
