package com.breachnotice.cli.campaign;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.config.FunctionEnvironment;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who runs the CLI, for the audit trail: the caller's ARN from STS {@code GetCallerIdentity} (the
 * credentials' own answer, not a name the operator types) and the host it runs on.
 */
public record OperatorIdentity(String arn, String host) {

    /**
     * Asks STS through the command's clients (the emulator's in tests); the host's name, or the
     * environment's {@code HOSTNAME} when the host cannot tell.
     */
    public static OperatorIdentity current(AwsClients aws, FunctionEnvironment environment) {
        return new OperatorIdentity(aws.sts().getCallerIdentity().arn(), localHost(environment));
    }

    static String localHost(FunctionEnvironment environment) {
        String fromEnvironment = environment.optional("HOSTNAME", "");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return fromEnvironment == null || fromEnvironment.isBlank() ? "unknown" : fromEnvironment;
        }
    }
}
