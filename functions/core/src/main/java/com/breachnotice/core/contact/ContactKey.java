package com.breachnotice.core.contact;

import java.util.regex.Pattern;

/**
 * The keyed hash that stands for a contact everywhere outside the encrypted record: {@code E} or
 * {@code P} followed by the lower-case hex HMAC-SHA256 of the contact's lookup form under the
 * pepper. Safe to log, to put in message tags and in queue messages.
 */
public record ContactKey(String value) implements Comparable<ContactKey> {

    private static final Pattern FORM = Pattern.compile("[EP][0-9a-f]{64}");

    public ContactKey {
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a contact key");
        }
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
