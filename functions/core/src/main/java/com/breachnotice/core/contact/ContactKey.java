package com.breachnotice.core.contact;

/**
 * The keyed hash that stands for a contact everywhere outside the encrypted record: {@code E} or
 * {@code P} followed by the lower-case hex HMAC-SHA256 of the contact's lookup form under the
 * pepper. Safe to log, to put in message tags and in queue messages.
 */
public record ContactKey(String value) implements Comparable<ContactKey> {

    private static final int HEX_DIGITS = 64;

    public ContactKey {
        if (!wellFormed(value)) {
            throw new IllegalArgumentException("not a contact key");
        }
    }

    /**
     * {@code [EP][0-9a-f]{64}}, checked by hand: intake makes two keys per manifest row, and the
     * regular expression was a tenth of the whole per-row cost.
     */
    private static boolean wellFormed(String value) {
        if (value.length() != HEX_DIGITS + 1) {
            return false;
        }
        char prefix = value.charAt(0);
        if (prefix != 'E' && prefix != 'P') {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
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

    @Override
    public int compareTo(ContactKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
