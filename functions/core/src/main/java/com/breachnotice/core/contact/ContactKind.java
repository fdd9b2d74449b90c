package com.breachnotice.core.contact;

/** The two kinds of contact a notice can reach. The prefix starts every contact key of that kind. */
public enum ContactKind {
    EMAIL('E'),
    PHONE('P');

    private final char keyPrefix;

    ContactKind(char keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public char keyPrefix() {
        return keyPrefix;
    }

    public static ContactKind ofKeyPrefix(char prefix) {
        for (ContactKind kind : values()) {
            if (kind.keyPrefix == prefix) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not a contact key prefix: " + prefix);
    }
}
