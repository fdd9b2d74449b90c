package com.breachnotice.core.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Application-level envelope encryption of contact details (AES-256-GCM). One data key per
 * instance for sealing, asked from the key service on first use; unwrapped keys are cached, so
 * the key service is called about once per worker, never once per record. The associated data
 * (the record's key) binds a ciphertext to its record: copied onto another record it does not open.
 */
public final class ContactCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    /**
     * One Cipher per thread: {@code Cipher.getInstance} looks the provider up on every call, which
     * cost more than the encryption of a short value. A Cipher is re-initialised for every use.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is unavailable", e);
        }
    });

    private final DataKeyProvider keys;
    private final Map<String, SecretKeySpec> unwrapped = new ConcurrentHashMap<>();
    private volatile @Nullable CurrentKey current;

    public ContactCipher(DataKeyProvider keys) {
        this.keys = keys;
    }

    public Sealed seal(String plaintext, String associatedData) {
        CurrentKey key = currentKey();
        byte[] nonce = key.nextNonce();
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] plain = plaintext.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plain.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            cipher.doFinal(plain, 0, plain.length, out, NONCE_BYTES);
            return new Sealed(B64.encodeToString(out), key.wrapped());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public String open(Sealed sealed, String associatedData) {
        SecretKeySpec spec = unwrapped.computeIfAbsent(
                sealed.wrappedKey(), wrapped -> new SecretKeySpec(keys.unwrap(B64D.decode(wrapped)), "AES"));
        byte[] in = B64D.decode(sealed.ciphertext());
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, spec, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed contact value did not open (wrong key or record)", e);
        }
    }

    private CurrentKey currentKey() {
        CurrentKey key = current;
        if (key == null) {
            synchronized (this) {
                key = current;
                if (key == null) {
                    DataKey fresh = keys.generate();
                    String wrapped = B64.encodeToString(fresh.wrapped());
                    SecretKeySpec spec = new SecretKeySpec(fresh.plaintext(), "AES");
                    unwrapped.put(wrapped, spec);
                    byte[] prefix = new byte[4];
                    new SecureRandom().nextBytes(prefix);
                    key = new CurrentKey(spec, wrapped, prefix, new AtomicLong());
                    current = key;
                }
            }
        }
        return key;
    }

    /**
     * The sealing key and its nonces. GCM needs a nonce that never repeats under one key; a key is
     * drawn fresh for each instance and used by no other, so a counter guarantees that (NIST SP
     * 800-38D's deterministic construction: a 32-bit random field and a 64-bit invocation counter),
     * without a call to the system's random source per value.
     */
    private record CurrentKey(SecretKeySpec spec, String wrapped, byte[] prefix, AtomicLong counter) {

        byte[] nextNonce() {
            long invocation = counter.getAndIncrement();
            if (invocation < 0) {
                throw new IllegalStateException("this data key sealed 2^63 values; it must not seal more");
            }
            return ByteBuffer.allocate(NONCE_BYTES)
                    .put(prefix)
                    .putLong(invocation)
                    .array();
        }
    }
}
