package com.breachnotice.aws;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One step of a function's start-up run on a daemon thread of its own, from the moment it is
 * started, so that independent steps (a TLS trust store, a secret, class loading) overlap. {@link
 * #join} waits for it and rethrows the step's own failure, so start-up fails with the real cause.
 */
public final class InitStep<T> {

    private final CompletableFuture<T> result = new CompletableFuture<>();

    private InitStep() {}

    public static <T> InitStep<T> start(String name, Supplier<T> step) {
        InitStep<T> init = new InitStep<>();
        Thread.ofPlatform().name(name).daemon().start(() -> {
            try {
                init.result.complete(step.get());
            } catch (RuntimeException | Error e) {
                init.result.completeExceptionally(e);
            }
        });
        return init;
    }

    public T join() {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
