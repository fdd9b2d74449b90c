package com.breachnotice.core.crypto;

/**
 * A data key as the key service hands it out: the plaintext (kept in memory only) and the same key
 * wrapped by the master key (stored beside every ciphertext it protects).
 */
public record DataKey(byte[] plaintext, byte[] wrapped) {

    public DataKey {
        plaintext = plaintext.clone();
        wrapped = wrapped.clone();
    }

    @Override
    public byte[] plaintext() {
        return plaintext.clone();
    }

    @Override
    public byte[] wrapped() {
        return wrapped.clone();
    }

    @Override
    public String toString() {
        return "DataKey[redacted]";
    }
}
