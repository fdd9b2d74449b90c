package com.breachnotice.core.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    private final DataKeyProvider keys;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKeySpec> unwrapped = new ConcurrentHashMap<>();
    private volatile @Nullable CurrentKey current;

    public ContactCipher(DataKeyProvider keys) {
        this.keys = keys;
    }

    public Sealed seal(String plaintext, String associatedData) {
        CurrentKey key = currentKey();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
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
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
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
                    key = new CurrentKey(spec, wrapped);
                    current = key;
                }
            }
        }
        return key;
    }

    private record CurrentKey(SecretKeySpec spec, String wrapped) {}
}
