package com.breachnotice.core.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869), checked against the RFC's test vectors. Written here rather
 * than taken from a library because the domain core depends on the JDK only, and the JDK's own
 * {@code javax.crypto.KDF} arrives in Java 24 while the functions run on Java 21.
 */
public final class Hkdf {

    private static final String HMAC = "HmacSHA256";
    private static final int HASH_BYTES = 32;

    private Hkdf() {}

    /** Extract then expand: {@code length} bytes of output keying material. */
    public static byte[] derive(byte[] inputKey, byte[] salt, byte[] info, int length) {
        return expand(extract(salt, inputKey), info, length);
    }

    /** RFC 5869 section 2.2; an empty salt stands for a string of 32 zero bytes. */
    public static byte[] extract(byte[] salt, byte[] inputKey) {
        Mac mac = mac(salt.length == 0 ? new byte[HASH_BYTES] : salt);
        return mac.doFinal(inputKey);
    }

    /** RFC 5869 section 2.3. */
    public static byte[] expand(byte[] pseudoRandomKey, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_BYTES) {
            throw new IllegalArgumentException("HKDF-SHA256 output must be 1 to 8160 bytes");
        }
        Mac mac = mac(pseudoRandomKey);
        byte[] out = new byte[length];
        byte[] block = new byte[0];
        int written = 0;
        for (int counter = 1; written < length; counter++) {
            mac.update(block);
            mac.update(info);
            mac.update((byte) counter);
            block = mac.doFinal();
            int take = Math.min(block.length, length - written);
            System.arraycopy(block, 0, out, written, take);
            written += take;
        }
        return out;
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
