package com.breachnotice.core.testing;

import com.breachnotice.core.crypto.DataKey;
import com.breachnotice.core.crypto.DataKeyProvider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link DataKeyProvider} without a key service: the n-th generated key is SHA-256 of
 * {@code "data key n"}, wrapped as the bytes {@code "wrapped:n"}. Deterministic, and it counts calls
 * so tests can prove the key service is not called once per record.
 */
public final class FakeDataKeyProvider implements DataKeyProvider {

    private static final String WRAPPED = "wrapped:";

    private final AtomicInteger generated = new AtomicInteger();
    private final AtomicInteger unwrapped = new AtomicInteger();

    @Override
    public DataKey generate() {
        int n = generated.incrementAndGet();
        return new DataKey(keyBytes(n), (WRAPPED + n).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] unwrap(byte[] wrapped) {
        unwrapped.incrementAndGet();
        String text = new String(wrapped, StandardCharsets.UTF_8);
        if (!text.startsWith(WRAPPED)) {
            throw new IllegalArgumentException("not a key this provider wrapped");
        }
        return keyBytes(Integer.parseInt(text.substring(WRAPPED.length())));
    }

    public int generateCalls() {
        return generated.get();
    }

    public int unwrapCalls() {
        return unwrapped.get();
    }

    private static byte[] keyBytes(int n) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(("data key " + n).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
