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
 * <p>{@code text} is the header line as read (without byte-order mark): intake workers that read
 * one byte range of a manifest are handed it with their range instead of reading line 1 again.
 */
public record ManifestHeader(
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
        Map<String, Integer> index = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i).strip().toLowerCase(Locale.ROOT);
            if (KNOWN.contains(column)) {
                if (index.putIfAbsent(column, i) != null) {
                    throw new ManifestFormatException("the header names column '" + column + "' twice");
                }
            } else if (!column.isEmpty() && !ManifestReader.hasControl(column)) {
                unknown.add(column);
            }
        }
        List<String> missing = new ArrayList<>();
        if (!index.containsKey("customer_id")) {
            missing.add("customer_id");
        }
        if (!index.containsKey("affected")) {
            missing.add("affected");
        }
        if (!index.containsKey("email") && !index.containsKey("phone")) {
            missing.add("email or phone");
        }
        if (!missing.isEmpty()) {
            throw new ManifestFormatException("the header lacks required columns: " + String.join(", ", missing));
        }
        return new ManifestHeader(
                text,
                columns.size(),
                index.getOrDefault("customer_id", 0),
                index.getOrDefault("name", -1),
                index.getOrDefault("email", -1),
                index.getOrDefault("phone", -1),
                index.getOrDefault("locale", -1),
                index.getOrDefault("affected", 0),
                new ArrayList<>(unknown));
    }

    String field(List<String> fields, int column) {
        return column < 0 ? "" : fields.get(column);
    }
}
