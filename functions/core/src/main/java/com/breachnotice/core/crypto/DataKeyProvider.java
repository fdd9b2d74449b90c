package com.breachnotice.core.crypto;

/** The key service (KMS) that makes AES-256 data keys and unwraps them again. */
public interface DataKeyProvider {

    /** A fresh 256-bit data key. Called about once per worker, not once per record. */
    DataKey generate();

    /** The plaintext of a wrapped data key. */
    byte[] unwrap(byte[] wrapped);
}
