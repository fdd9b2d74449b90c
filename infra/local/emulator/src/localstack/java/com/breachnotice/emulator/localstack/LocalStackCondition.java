package com.breachnotice.emulator.localstack;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * With {@code -Plocalstack}, the integration tests of this JVM run against LocalStack in a container:
 * before the first test class, a container of the pinned image starts and {@code aws.endpointUrl}
 * points at it, so {@code LocalEmulator} attaches to it instead of starting moto. Without a Docker
 * engine every test class is disabled, with the reason (what Testcontainers' {@code
 * disabledWithoutDocker} does for one class). Registered through the service loader; the profile
 * turns on JUnit's extension auto-detection and {@value #ENABLED_PROPERTY} in failsafe only.
 */
public final class LocalStackCondition implements ExecutionCondition {

    static final String ENABLED_PROPERTY = "breachnotice.localstack";
    static final String IMAGE_PROPERTY = "breachnotice.localstack.image";

    private static @Nullable LocalStackContainer container;
    private static @Nullable String unavailable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!Boolean.getBoolean(ENABLED_PROPERTY)) {
            return ConditionEvaluationResult.enabled("the localstack profile is off");
        }
        String reason = start();
        return reason == null
                ? ConditionEvaluationResult.enabled("on LocalStack")
                : ConditionEvaluationResult.disabled(reason);
    }

    /** Starts the container once per JVM; the reason it cannot, or null once it runs. */
    private static synchronized @Nullable String start() {
        if (container != null) {
            return null;
        }
        if (unavailable != null) {
            return unavailable;
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            unavailable = "-Plocalstack needs a Docker engine and none answers: these tests did not run";
            return unavailable;
        }
        String image = System.getProperty(IMAGE_PROPERTY, "");
        if (image.isBlank()) {
            throw new IllegalStateException(IMAGE_PROPERTY + " is not set: the localstack profile pins the image");
        }
        // Testcontainers' Ryuk removes the container when this JVM ends.
        LocalStackContainer started = new LocalStackContainer(DockerImageName.parse(image));
        started.start();
        System.setProperty("aws.endpointUrl", started.getEndpoint().toString());
        container = started;
        return null;
    }
}
