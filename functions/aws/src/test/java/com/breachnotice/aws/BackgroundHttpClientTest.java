package com.breachnotice.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

class BackgroundHttpClientTest {

    private static final HttpExecuteRequest REQUEST = HttpExecuteRequest.builder()
            .request(SdkHttpFullRequest.builder()
                    .method(SdkHttpMethod.GET)
                    .uri(URI.create("https://example.invalid/"))
                    .build())
            .build();

    @Test
    void clientName_isKnownBeforeTheSetUpEnds() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        BackgroundHttpClient client = new BackgroundHttpClient("UrlConnection", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("set-up failed");
        });

        assertThat(client.clientName()).isEqualTo("UrlConnection");
        release.countDown();
    }

    @Test
    void prepareRequest_setUpFailed_throwsTheSetUpsOwnException() {
        BackgroundHttpClient client = new BackgroundHttpClient("UrlConnection", () -> {
            throw new IllegalStateException("no trust store");
        });

        assertThatThrownBy(() -> client.prepareRequest(REQUEST))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no trust store");
    }
}
