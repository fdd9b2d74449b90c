package com.breachnotice.core.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The header row of a manifest: which column holds which field. Column names are case-insensitive,
 * surrounding spaces ignored, any order; unknown columns are kept once each, to be reported.
 *
 * <p>The header also tells the kind: {@code owner_customer_id} without {@code customer_id} makes an
 * address-book manifest, whose owner id sits where a customer manifest's {@code customer_id} does
 * ({@code customerId} is that column's index) and which has no email column.
 *
 * <p>{@code text} is the header line as read (without byte-order mark): intake workers that read
 * one byte range of a manifest are handed it with their range instead of reading line 1 again.
 */
public record ManifestHeader(
        ManifestKind kind,
        String text,
        int width,
        int customerId,
        int name,
        int email,
        int phone,
        int locale,
        int affected,
        List<String> unknown) {

    private static final List<String> KNOWN = List.of("customer_id", "name", "email", "phone", "locale", "affected");
    private static final List<String> KNOWN_BOOK = List.of("owner_customer_id", "name", "phone", "locale", "affected");

    public ManifestHeader {
        unknown = List.copyOf(unknown);
    }

    /**
     * @throws ManifestFormatException when the header makes the file unusable
     */
    public static ManifestHeader parse(String text) {
        if (text.isBlank()) {
            throw new ManifestFormatException("the file is empty or its first line is not a header");
        }
        List<String> columns = RecordAssembler.parseFields(text);
        if (columns == null) {
            throw new ManifestFormatException("the header row is not valid CSV");
        }
        ManifestKind kind = kindOf(columns);
        List<String> known = kind == ManifestKind.ADDRESS_BOOK ? KNOWN_BOOK : KNOWN;
        Map<String, Integer> index = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i).strip().toLowerCase(Locale.ROOT);
            if (known.contains(column)) {
                if (index.putIfAbsent(column, i) != null) {
                    throw new ManifestFormatException("the header names column '" + column + "' twice");
                }
            } else if (!column.isEmpty() && !ManifestReader.hasControl(column)) {
                unknown.add(column);
            }
        }
        String idColumn = kind == ManifestKind.ADDRESS_BOOK ? "owner_customer_id" : "customer_id";
        List<String> missing = new ArrayList<>();
        if (!index.containsKey(idColumn)) {
            missing.add(idColumn);
        }
        if (kind == ManifestKind.ADDRESS_BOOK && !index.containsKey("phone")) {
            missing.add("phone");
        }
        if (!index.containsKey("affected")) {
            missing.add("affected");
        }
        if (kind == ManifestKind.CUSTOMERS && !index.containsKey("email") && !index.containsKey("phone")) {
            missing.add("email or phone");
        }
        if (!missing.isEmpty()) {
            throw new ManifestFormatException("the header lacks required columns: " + String.join(", ", missing));
        }
        return new ManifestHeader(
                kind,
                text,
                columns.size(),
                index.getOrDefault(idColumn, 0),
                index.getOrDefault("name", -1),
                index.getOrDefault("email", -1),
                index.getOrDefault("phone", -1),
                index.getOrDefault("locale", -1),
                index.getOrDefault("affected", 0),
                new ArrayList<>(unknown));
    }

    /** {@code owner_customer_id} alone makes an address book; both id columns make the file ambiguous. */
    private static ManifestKind kindOf(List<String> columns) {
        boolean customer = false;
        boolean owner = false;
        for (String raw : columns) {
            String column = raw.strip().toLowerCase(Locale.ROOT);
            customer |= column.equals("customer_id");
            owner |= column.equals("owner_customer_id");
        }
        if (customer && owner) {
            throw new ManifestFormatException(
                    "the header names both customer_id and owner_customer_id: a file is either a customer"
                            + " manifest or an address book");
        }
        return owner ? ManifestKind.ADDRESS_BOOK : ManifestKind.CUSTOMERS;
    }

    String field(List<String> fields, int column) {
        return column < 0 ? "" : fields.get(column);
    }
}
