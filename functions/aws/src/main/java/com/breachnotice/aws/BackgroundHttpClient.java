package com.breachnotice.aws;

import java.util.function.Supplier;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An HTTP client whose set-up runs on a thread of its own from the moment this object is made; the
 * first request waits for it. Building a {@code UrlConnectionHttpClient} creates its TLS context,
 * which loads and parses the JDK's trust store: about a quarter of a second of a cold start that
 * needs nothing from the SDK clients being built meanwhile (they only keep a reference to their
 * HTTP client until their first call).
 */
final class BackgroundHttpClient implements SdkHttpClient {

    private final String name;
    private final InitStep<SdkHttpClient> client;

    /**
     * @param name the client's {@link SdkHttpClient#clientName()}, which the SDK asks for while it
     *     builds a service client (for its user agent), before the set-up has finished
     */
    BackgroundHttpClient(String name, Supplier<SdkHttpClient> setUp) {
        this.name = name;
        this.client = InitStep.start("http-client-setup", setUp);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return ready().prepareRequest(request);
    }

    @Override
    public String clientName() {
        return name;
    }

    @Override
    public void close() {
        ready().close();
    }

    private SdkHttpClient ready() {
        return client.join();
    }
}
