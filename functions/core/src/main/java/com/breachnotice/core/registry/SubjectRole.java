package com.breachnotice.core.registry;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a person is in the registry: as a customer (customer manifest), and/or as an entry in
 * customers' delivery address books (address-book manifest). One contact may hold both.
 */
public enum SubjectRole {
    CUSTOMER("customer"),
    ADDRESS_BOOK("address_book");

    private final String code;

    SubjectRole(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<SubjectRole> ofCode(String raw) {
        String wanted = raw.strip().toLowerCase(Locale.ROOT);
        for (SubjectRole role : values()) {
            if (role.code.equals(wanted)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
