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
    CONFLICTING_CONTACT,
    /** Address book: {@code affected} does not name {@code phone}, yet the phone is how the entry is known. */
    PHONE_NOT_AFFECTED,
    /** Address book: the phone is a landline or not a valid number, so no SMS can reach the person. */
    NO_MOBILE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
