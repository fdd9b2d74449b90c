package com.breachnotice.core.contact;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA256 under the pepper) of everything we must find again without storing it:
 * contacts, one-time codes and notice reference codes. Each use has its own domain label so that a
 * hash of one kind can never match a hash of another.
 */
public final class ContactKeyer {

    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public ContactKeyer(Pepper pepper) {
        this.key = new SecretKeySpec(pepper.bytes(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public ContactKey keyOf(Contact contact) {
        String hex = hex("contact:" + contact.kind().name() + ":" + contact.lookupForm());
        return new ContactKey(contact.kind().keyPrefix() + hex);
    }

    /** Hash of a one-time code, bound to its challenge so a code is useless anywhere else. */
    public String codeHash(String challengeId, String code) {
        return hex("code:" + challengeId + ":" + code);
    }

    /**
     * Hash of a requester's source address, for the lookup's rate limits: counters keyed by it are
     * no list of who asked.
     */
    public String requesterKey(String sourceAddress) {
        return hex("requester:" + sourceAddress);
    }

    /** Hash of a notice reference code in its canonical form. */
    public String referenceHash(String canonicalReference) {
        return hex("reference:" + canonicalReference);
    }

    /**
     * The secret bits behind a delivery's reference code. Derived, not drawn: every attempt at the
     * same delivery (a retry after a crash re-sends) prints the same code, so the notice that did
     * reach a person always verifies as genuine; without the pepper the code cannot be predicted.
     */
    public byte[] referenceSeed(String deliveryName) {
        return macs.get().doFinal(("reference-seed:" + deliveryName).getBytes(StandardCharsets.UTF_8));
    }

    private String hex(String input) {
        Mac mac = macs.get();
        return HEX.formatHex(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
