package com.breachnotice.local;

import java.net.URI;
import java.util.Map;

/**
 * Where the local runtime's own SDK clients (pollers, local queues) go, and what it adds to every
 * handler's environment.
 *
 * @param endpoint the emulator's endpoint (moto), for S3, SQS and SNS
 * @param region the region of the stack
 * @param accountId the account the emulator reports, used in ARNs
 * @param stackName the stack name, prefix of every local-only resource
 * @param accessKeyId credentials the emulator accepts
 * @param secretAccessKey credentials the emulator accepts
 * @param environment variables added to every handler's environment (endpoint settings, region,
 *     credentials); the function's own variables win over them
 */
public record AwsTarget(
        URI endpoint,
        String region,
        String accountId,
        String stackName,
        String accessKeyId,
        String secretAccessKey,
        Map<String, String> environment) {

    public AwsTarget {
        environment = Map.copyOf(environment);
    }
}
