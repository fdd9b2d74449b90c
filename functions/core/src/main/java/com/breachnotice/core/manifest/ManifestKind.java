package com.breachnotice.core.manifest;

import java.util.EnumSet;
import java.util.Set;

/**
 * The two kinds of manifest, told apart by their header: the affected customers ({@code customer_id})
 * and the entries of customers' delivery address books ({@code owner_customer_id}), whose people
 * are mostly not customers and are reached by their phone only.
 */
public enum ManifestKind {
    CUSTOMERS("customers", EnumSet.allOf(ItemKind.class)),
    ADDRESS_BOOK("address_book", EnumSet.of(ItemKind.NAME, ItemKind.PHONE, ItemKind.ADDRESS, ItemKind.ENTRANCE_CODE));

    private final String code;
    private final Set<ItemKind> vocabulary;

    ManifestKind(String code, Set<ItemKind> vocabulary) {
        this.code = code;
        this.vocabulary = Set.copyOf(vocabulary);
    }

    public String code() {
        return code;
    }

    /** The items an {@code affected} cell of this kind may name; any other is {@code unknown_item}. */
    public Set<ItemKind> vocabulary() {
        return vocabulary;
    }
}
