package com.breachnotice.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AwsClientsTest {

    @BeforeAll
    static void region() {
        // The default chain needs a region; this JVM runs only unit tests.
        System.setProperty("aws.region", "ap-northeast-2");
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
}
