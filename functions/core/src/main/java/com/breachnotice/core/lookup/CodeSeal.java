package com.breachnotice.core.lookup;

import com.breachnotice.core.contact.KeyPurpose;
import com.breachnotice.core.contact.KeyRing;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals one-time codes for the code queue (AES-256-GCM under the key ring's code-seal key), so the
 * queue and its dead-letter queue never hold a code in plain text. A sealed code reads
 * {@code <version>.<base64url(nonce, ciphertext and tag)>}: the version lets a code sealed just
 * before a rotation still open after it. The associated data binds it to its challenge and contact,
 * so a sealed code copied into another message does not open.
 */
public final class CodeSeal {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final KeyRing ring;
    private final SecureRandom random;

    public CodeSeal(KeyRing ring, SecureRandom random) {
        this.ring = ring;
        this.random = random;
    }

    /** The code sealed under the current version, bound to {@code request}'s challenge and contact. */
    public String seal(CodeRequest request) {
        int version = ring.current();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, version, nonce);
            cipher.updateAAD(context(request.challengeId(), request.contact().value()));
            byte[] sealed = cipher.doFinal(request.code().getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return version + "." + B64.encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is unavailable", e);
        }
    }

    /**
     * The code inside {@code sealed}; empty when it is not a sealed code, was sealed under a version
     * the ring no longer holds, or belongs to another challenge or contact.
     */
    public Optional<String> open(String sealed, String challengeId, String contactKey) {
        int dot = sealed.indexOf('.');
        if (dot < 1 || dot > 4) {
            return Optional.empty();
        }
        try {
            int version = Integer.parseInt(sealed, 0, dot, 10);
            byte[] bytes = B64D.decode(sealed.substring(dot + 1));
            if (!ring.has(version) || bytes.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            byte[] nonce = new byte[NONCE_BYTES];
            System.arraycopy(bytes, 0, nonce, 0, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, version, nonce);
            cipher.updateAAD(context(challengeId, contactKey));
            byte[] code = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return Optional.of(new String(code, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private Cipher cipher(int mode, int version, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                mode,
                new SecretKeySpec(ring.derive(KeyPurpose.CODE_SEAL, version), "AES"),
                new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }

    private static byte[] context(String challengeId, String contactKey) {
        return ("code-seal:" + challengeId + ":" + contactKey).getBytes(StandardCharsets.UTF_8);
    }
}
