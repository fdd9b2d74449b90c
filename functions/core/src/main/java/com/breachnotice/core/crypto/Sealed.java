package com.breachnotice.core.crypto;

/**
 * A value encrypted under a data key: {@code ciphertext} is base64 of nonce + AES-GCM output,
 * {@code wrappedKey} base64 of the wrapped data key needed to open it.
 */
public record Sealed(String ciphertext, String wrappedKey) {

    @Override
    public String toString() {
        return "Sealed[" + ciphertext.length() + " chars]";
    }
}
