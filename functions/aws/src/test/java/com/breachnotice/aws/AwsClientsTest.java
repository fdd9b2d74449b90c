package com.breachnotice.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.breachnotice.aws.config.FunctionEnvironment;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class AwsClientsTest {

    private static @Nullable String regionBefore;

    @BeforeAll
    static void region() {
        // The default chain needs a region; the test class puts back what it found, so later tests in
        // this JVM see the machine's own configuration.
        regionBefore = System.getProperty("aws.region");
        System.setProperty("aws.region", "ap-northeast-2");
    }

    @AfterAll
    static void restoreRegion() {
        String before = regionBefore;
        if (before == null) {
            System.clearProperty("aws.region");
        } else {
            System.setProperty("aws.region", before);
        }
    }

    @Test
    void eachClient_isBuiltOnce_andCloseEndsThem() {
        AwsClients clients = new AwsClients();

        assertThat(clients.dynamoDb()).isSameAs(clients.dynamoDb());
        assertThat(clients.sqs()).isSameAs(clients.sqs());
        assertThat(clients.ses()).isSameAs(clients.ses());
        assertThat(clients.sns()).isSameAs(clients.sns());
        assertThat(clients.s3()).isSameAs(clients.s3());
        assertThat(clients.kms()).isSameAs(clients.kms());
        assertThat(clients.secretsManager()).isSameAs(clients.secretsManager());
        assertThat(clients.ses()
                        .serviceClientConfiguration()
                        .overrideConfiguration()
                        .retryStrategy())
                .hasValueSatisfying(
                        strategy -> assertThat(strategy.maxAttempts()).isEqualTo(1));

        clients.close();
        assertThatThrownBy(clients::sqs).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void insideLambda_regionAndCredentialsComeFromLambdasVariables() {
        AwsClients.LambdaIdentity lambda = AwsClients.LambdaIdentity.from(new FunctionEnvironment(
                Map.of("AWS_LAMBDA_FUNCTION_NAME", "breach-notice-lookup", "AWS_REGION", "eu-west-1")));
        assertThat(lambda).isNotNull();
        AwsClients clients = new AwsClients(lambda);

        var configuration = clients.dynamoDb().serviceClientConfiguration();
        assertThat(configuration.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(configuration.credentialsProvider()).isInstanceOf(EnvironmentVariableCredentialsProvider.class);
        clients.close();
    }

    @Test
    void wafv2_isInUsEast1_whateverTheFunctionsRegion() {
        AwsClients.LambdaIdentity lambda = AwsClients.LambdaIdentity.from(new FunctionEnvironment(
                Map.of("AWS_LAMBDA_FUNCTION_NAME", "breach-notice-edge-switch", "AWS_REGION", "ap-northeast-2")));
        AwsClients inLambda = new AwsClients(lambda);
        AwsClients outside = new AwsClients();

        var configuration = inLambda.wafv2().serviceClientConfiguration();
        assertThat(configuration.region()).isEqualTo(Region.US_EAST_1);
        assertThat(configuration.credentialsProvider()).isInstanceOf(EnvironmentVariableCredentialsProvider.class);
        assertThat(inLambda.wafv2()).isSameAs(inLambda.wafv2());
        assertThat(outside.wafv2().serviceClientConfiguration().region()).isEqualTo(Region.US_EAST_1);
        inLambda.close();
        outside.close();
        assertThatThrownBy(inLambda::wafv2).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void outsideLambda_theDefaultChainsApply() {
        assertThat(AwsClients.LambdaIdentity.from(new FunctionEnvironment(Map.of("AWS_REGION", "eu-west-1"))))
                .isNull();
        assertThat(AwsClients.LambdaIdentity.from(new FunctionEnvironment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "f"))))
                .isNull();
    }

    @Test
    void socketTimeout_isFifteenSeconds_unlessTheLocalRuntimeAsksForLonger() {
        String before = System.getProperty(AwsClients.SOCKET_TIMEOUT_PROPERTY);
        try {
            System.clearProperty(AwsClients.SOCKET_TIMEOUT_PROPERTY);
            assertThat(AwsClients.socketTimeout()).isEqualTo(Duration.ofSeconds(15));
            System.setProperty(AwsClients.SOCKET_TIMEOUT_PROPERTY, "120");
            assertThat(AwsClients.socketTimeout()).isEqualTo(Duration.ofSeconds(120));
            System.setProperty(AwsClients.SOCKET_TIMEOUT_PROPERTY, "3");
            assertThat(AwsClients.socketTimeout()).as("never shorter").isEqualTo(Duration.ofSeconds(15));
            System.setProperty(AwsClients.SOCKET_TIMEOUT_PROPERTY, "two minutes");
            assertThatThrownBy(AwsClients::socketTimeout).hasMessageContaining(AwsClients.SOCKET_TIMEOUT_PROPERTY);
        } finally {
            if (before == null) {
                System.clearProperty(AwsClients.SOCKET_TIMEOUT_PROPERTY);
            } else {
                System.setProperty(AwsClients.SOCKET_TIMEOUT_PROPERTY, before);
            }
        }
    }
}
