package com.breachnotice.core.manifest;

import java.util.Locale;
import java.util.Optional;

/** The languages notices are written in. Korean is the default: the retailer is Korean. */
public enum NoticeLocale {
    KO("ko"),
    EN("en");

    private final String code;

    NoticeLocale(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<NoticeLocale> ofCode(String raw) {
        String wanted = raw.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return Optional.of(KO);
        }
        for (NoticeLocale locale : values()) {
            if (locale.code.equals(wanted)) {
                return Optional.of(locale);
            }
        }
        return Optional.empty();
    }
}
