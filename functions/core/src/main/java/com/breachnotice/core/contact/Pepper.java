package com.breachnotice.core.contact;

import java.util.Arrays;

/** The secret that keys every contact hash. Never printed. */
public final class Pepper {

    private final byte[] secret;

    public Pepper(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("a pepper needs at least 32 bytes");
        }
        this.secret = secret.clone();
    }

    byte[] bytes() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "Pepper[redacted]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Pepper pepper && Arrays.equals(secret, pepper.secret);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(secret);
    }
}
