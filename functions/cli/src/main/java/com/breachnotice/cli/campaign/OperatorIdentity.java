package com.breachnotice.cli.campaign;

import java.net.InetAddress;
import java.net.UnknownHostException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Who runs the CLI, for the audit trail: the caller's ARN from STS {@code GetCallerIdentity} (the
 * credentials' own answer, not a name the operator types) and the host it runs on.
 *
 * <p>Merge note: the lifecycle commands (pause, resume, cancel) need the same identity; keep this one
 * small wrapper and give it to them.
 */
public record OperatorIdentity(String arn, String host) {

    /** Asks STS (the endpoint and credentials of the SDK's default chains, the emulator's in tests). */
    public static OperatorIdentity current() {
        try (StsClient sts =
                StsClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            return new OperatorIdentity(sts.getCallerIdentity().arn(), localHost());
        }
    }

    static String localHost() {
        String fromEnvironment = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return fromEnvironment == null || fromEnvironment.isBlank() ? "unknown" : fromEnvironment;
        }
    }
}
