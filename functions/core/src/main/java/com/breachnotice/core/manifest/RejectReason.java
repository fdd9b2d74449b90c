package com.breachnotice.core.manifest;

import java.util.Locale;

/** Why a manifest row was not loaded. The codes are part of the documented manifest format. */
public enum RejectReason {
    MISSING_CUSTOMER_ID,
    NO_CONTACT,
    INVALID_EMAIL,
    INVALID_PHONE,
    UNKNOWN_ITEM,
    NO_ITEMS,
    UNKNOWN_LOCALE,
    FIELD_TOO_LONG,
    CONTROL_CHARACTER,
    INVALID_UTF8,
    WRONG_COLUMN_COUNT,
    MALFORMED_QUOTING,
    CONFLICTING_CONTACT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
