package com.breachnotice.core.campaign;

import java.util.Locale;

/** How a notice reaches a contact. */
public enum Channel {
    EMAIL,
    SMS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
