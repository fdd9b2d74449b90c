package com.breachnotice.core.contact;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA256) of everything we must find again without storing it: contacts,
 * one-time codes, requesters' addresses and notice reference codes. Each purpose has its own key,
 * derived from the pepper with HKDF ({@link KeyRing}), and each input keeps its domain label as
 * well, so a hash of one kind can never match a hash of another.
 *
 * <p>New hashes are made with the ring's current version. What is stored and looked up again
 * later can be tried under every version, the current one first ({@link #keysOf}, {@link
 * #referenceHashes}); what belongs to a stored key is made with that key's version ({@link
 * #referenceSeed}).
 */
public final class ContactKeyer {

    private static final HexFormat HEX = HexFormat.of();
    private static final KeyPurpose[] PURPOSES = KeyPurpose.values();

    private final KeyRing ring;
    private final List<Integer> versions;
    /** Keys by version, then by purpose ordinal. */
    private final SecretKeySpec[][] keys;
    /** One Mac per thread, version and purpose: looked up on every row intake reads. */
    private final ThreadLocal<Mac[][]> macs;

    public ContactKeyer(Pepper pepper) {
        this(KeyRing.single(pepper));
    }

    public ContactKeyer(KeyRing ring) {
        this.ring = ring;
        this.versions = ring.versions();
        int highest = versions.stream().mapToInt(Integer::intValue).max().orElseThrow();
        this.keys = new SecretKeySpec[highest + 1][];
        for (int version : versions) {
            SecretKeySpec[] byPurpose = new SecretKeySpec[PURPOSES.length];
            for (KeyPurpose purpose : PURPOSES) {
                byPurpose[purpose.ordinal()] = new SecretKeySpec(ring.derive(purpose, version), "HmacSHA256");
            }
            keys[version] = byPurpose;
        }
        this.macs = ThreadLocal.withInitial(() -> new Mac[highest + 1][PURPOSES.length]);
    }

    /** The key ring's current version: the one every new hash is made with. */
    public int currentVersion() {
        return ring.current();
    }

    /** Whether the ring still holds {@code version}. */
    public boolean holds(int version) {
        return ring.has(version);
    }

    /** The contact's key under the current version: what is written. */
    public ContactKey keyOf(Contact contact) {
        return keyOf(contact, ring.current());
    }

    /**
     * The contact's key under every version of the ring, the current one first: what a lookup tries,
     * so a contact stored before a rotation is still found after it.
     */
    public List<ContactKey> keysOf(Contact contact) {
        List<ContactKey> all = new ArrayList<>(versions.size());
        for (int version : versions) {
            all.add(keyOf(contact, version));
        }
        return List.copyOf(all);
    }

    private ContactKey keyOf(Contact contact, int version) {
        String hex =
                hex(KeyPurpose.CONTACT_KEY, version, "contact:" + contact.kind().name() + ":" + contact.lookupForm());
        return ContactKey.of(contact.kind(), version, hex);
    }

    /** Hash of a one-time code under the current version, bound to its challenge. */
    public String codeHash(String challengeId, String code) {
        return codeHash(ring.current(), challengeId, code);
    }

    /**
     * Hash of a one-time code under {@code version}, bound to its challenge so a code is useless
     * anywhere else. A challenge is checked under the version it was made with.
     */
    public String codeHash(int version, String challengeId, String code) {
        return hex(KeyPurpose.CODE_HASH, version, "code:" + challengeId + ":" + code);
    }

    /**
     * Hash of a requester's source address, for the lookup's rate limits: counters keyed by it are
     * no list of who asked. Current version only: the counters live a day at most, and a rotation
     * starts them afresh.
     */
    public String requesterKey(String sourceAddress) {
        return hex(KeyPurpose.REQUESTER_KEY, ring.current(), "requester:" + sourceAddress);
    }

    /** Hash of a notice reference code in its canonical form, under the current version: what is written. */
    public String referenceHash(String canonicalReference) {
        return hex(KeyPurpose.REFERENCE_HASH, ring.current(), "reference:" + canonicalReference);
    }

    /** The reference code's hash under every version, the current one first: what a check tries. */
    public List<String> referenceHashes(String canonicalReference) {
        List<String> all = new ArrayList<>(versions.size());
        for (int version : versions) {
            all.add(hex(KeyPurpose.REFERENCE_HASH, version, "reference:" + canonicalReference));
        }
        return List.copyOf(all);
    }

    /**
     * The secret bits behind a delivery's reference code. Derived, not drawn: every attempt at the
     * same delivery (a retry after a crash re-sends) prints the same code, so the notice that did
     * reach a person always verifies as genuine; without the pepper the code cannot be predicted.
     * Made with the version of the delivery's contact key, so the code a verified requester is shown
     * stays the printed one after a rotation.
     */
    public byte[] referenceSeed(ContactKey contact, String notice) {
        return mac(KeyPurpose.REFERENCE_SEED, contact.version())
                .doFinal(("reference-seed:" + contact + "#" + notice).getBytes(StandardCharsets.UTF_8));
    }

    private String hex(KeyPurpose purpose, int version, String input) {
        return HEX.formatHex(mac(purpose, version).doFinal(input.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac mac(KeyPurpose purpose, int version) {
        if (version < 0 || version >= keys.length || keys[version] == null) {
            throw new IllegalStateException("key version " + version + " is not in the key ring");
        }
        Mac[] byPurpose = macs.get()[version];
        Mac mac = byPurpose[purpose.ordinal()];
        if (mac == null) {
            mac = newMac(keys[version][purpose.ordinal()]);
            byPurpose[purpose.ordinal()] = mac;
        }
        return mac;
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
