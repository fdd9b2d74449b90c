package com.breachnotice.core.manifest;

import java.util.Locale;
import java.util.Optional;

/** The fixed vocabulary of data that leaked, as manifests and notices name it. */
public enum ItemKind {
    NAME("name"),
    EMAIL("email"),
    PHONE("phone"),
    /** A postal address: the delivery address of an address-book entry. */
    ADDRESS("address"),
    ADDRESS_BOOK("address_book"),
    ENTRANCE_CODE("entrance_code"),
    ORDER_HISTORY("order_history");

    private final String code;

    ItemKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Codes are case-insensitive and surrounding spaces are ignored. */
    public static Optional<ItemKind> ofCode(String raw) {
        String wanted = raw.strip().toLowerCase(Locale.ROOT);
        for (ItemKind kind : values()) {
            if (kind.code.equals(wanted)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
