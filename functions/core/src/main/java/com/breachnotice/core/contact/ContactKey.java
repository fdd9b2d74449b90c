package com.breachnotice.core.contact;

/**
 * The keyed hash that stands for a contact everywhere outside the encrypted record: {@code E} or
 * {@code P}, the key version (decimal, 1 to 9999, no leading zero), then the lower-case hex
 * HMAC-SHA256 of the contact's lookup form under that version's contact-key key. For example
 * {@code E1} followed by 64 hex digits. Safe to log, to put in message tags and in queue messages.
 *
 * <p>This record is the one place that formats and parses a contact key: the version tells a key
 * made before a rotation from one made after it (see {@link KeyRing}).
 */
public record ContactKey(String value) implements Comparable<ContactKey> {

    private static final int HEX_DIGITS = 64;
    private static final int MAX_VERSION_DIGITS = 4;

    public ContactKey {
        if (!wellFormed(value)) {
            throw new IllegalArgumentException("not a contact key");
        }
    }

    /** The key of a contact of {@code kind} whose hash under key version {@code version} is {@code hex}. */
    public static ContactKey of(ContactKind kind, int version, String hex) {
        return new ContactKey(kind.keyPrefix() + Integer.toString(version) + hex);
    }

    /**
     * {@code [EP][1-9][0-9]{0,3}[0-9a-f]{64}}, checked by hand: intake makes two keys per manifest
     * row, and the regular expression was a tenth of the whole per-row cost. The hash has a fixed
     * length, so the version is whatever lies between the prefix and the last 64 characters.
     */
    private static boolean wellFormed(String value) {
        int versionDigits = value.length() - 1 - HEX_DIGITS;
        if (versionDigits < 1 || versionDigits > MAX_VERSION_DIGITS) {
            return false;
        }
        char prefix = value.charAt(0);
        if (prefix != 'E' && prefix != 'P') {
            return false;
        }
        if (value.charAt(1) == '0') {
            return false;
        }
        for (int i = 1; i <= versionDigits; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        for (int i = 1 + versionDigits; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    public ContactKind kind() {
        return ContactKind.ofKeyPrefix(value.charAt(0));
    }

    /** The version of the key ring this key was made with. */
    public int version() {
        return Integer.parseInt(value, 1, value.length() - HEX_DIGITS, 10);
    }

    /** The 64 hex digits of the hash, without prefix and version. */
    public String hash() {
        return value.substring(value.length() - HEX_DIGITS);
    }

    /** The first 64 bits of the hash: a compact stand-in for the key in large in-memory sets. */
    public long fingerprint() {
        return Long.parseUnsignedLong(value, value.length() - HEX_DIGITS, value.length() - HEX_DIGITS + 16, 16);
    }

    @Override
    public int compareTo(ContactKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
