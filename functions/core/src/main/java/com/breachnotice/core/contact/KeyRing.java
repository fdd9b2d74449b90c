package com.breachnotice.core.contact;

import com.breachnotice.core.crypto.Hkdf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pepper's versions: the current one, which every new key is made with, and the earlier ones
 * still named by stored keys, which lookups fall back to during a rotation. Every purpose's key is
 * derived from a version's pepper with HKDF-SHA256 under its own label, so one secret serves all
 * purposes without one hash ever standing in for another.
 */
public final class KeyRing {

    /** Versions are written into contact keys as decimal digits: at most four of them. */
    public static final int MAX_VERSION = 9999;

    private static final byte[] SALT = "breach-notice key ring".getBytes(StandardCharsets.UTF_8);
    private static final int KEY_BYTES = 32;

    private final int current;
    private final TreeMap<Integer, Pepper> peppers;

    public KeyRing(int current, Map<Integer, Pepper> peppers) {
        for (int version : peppers.keySet()) {
            if (version < 1 || version > MAX_VERSION) {
                throw new IllegalArgumentException("a key version is 1 to " + MAX_VERSION + ", not " + version);
            }
        }
        if (!peppers.containsKey(current)) {
            throw new IllegalArgumentException("the current key version " + current + " has no pepper");
        }
        this.current = current;
        this.peppers = new TreeMap<>(peppers);
    }

    /** A ring of one pepper, version 1: a secret that holds a bare pepper. */
    public static KeyRing single(Pepper pepper) {
        return new KeyRing(1, Map.of(1, pepper));
    }

    public int current() {
        return current;
    }

    /** Every version, the current one first, then the others newest first: the order lookups try. */
    public List<Integer> versions() {
        List<Integer> versions = new ArrayList<>(peppers.size());
        versions.add(current);
        for (int version : peppers.descendingKeySet()) {
            if (version != current) {
                versions.add(version);
            }
        }
        return Collections.unmodifiableList(versions);
    }

    public boolean has(int version) {
        return peppers.containsKey(version);
    }

    /** The 32-byte key of {@code purpose} at {@code version}. */
    public byte[] derive(KeyPurpose purpose, int version) {
        Pepper pepper = peppers.get(version);
        if (pepper == null) {
            throw new IllegalStateException("key version " + version + " is not in the key ring");
        }
        return Hkdf.derive(pepper.bytes(), SALT, purpose.info(version).getBytes(StandardCharsets.UTF_8), KEY_BYTES);
    }

    @Override
    public String toString() {
        return "KeyRing[current=" + current + ", versions=" + peppers.keySet() + "]";
    }
}
