package com.breachnotice.core.proof;

import com.breachnotice.core.delivery.Delivery;
import com.breachnotice.core.delivery.StatusChange;
import com.breachnotice.core.manifest.ItemKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One delivery as the regulator's export shows it. {@code recipient} is the masked contact
 * ({@code e***@example.net}, {@code 010-****-5678}), or the contact itself in a revealed export;
 * empty when the contact is no longer in the registry.
 */
public record ProofRow(Delivery delivery, String recipient) {

    /** The columns, in order: the CSV header and the JSONL field names. */
    public static final List<String> COLUMNS = List.of(
            "contact_key",
            "recipient",
            "channel",
            "locale",
            "notice",
            "notice_version",
            "items",
            "message_sha256",
            "reference_hash",
            "provider_message_id",
            "status",
            "reason",
            "status_history");

    /** The cells, one per column, as text; absent values are empty. */
    public List<String> cells() {
        Delivery d = delivery;
        return List.of(
                d.id().contact().value(),
                recipient,
                d.id().channel().code(),
                d.told().map(t -> t.locale().code()).orElse(""),
                d.told().map(t -> t.notice()).orElse(""),
                d.told().map(t -> t.version()).orElse(""),
                d.told()
                        .map(t -> t.items().stream().map(ItemKind::code).collect(Collectors.joining(" ")))
                        .orElse(""),
                d.told().map(t -> t.messageSha256()).orElse(""),
                d.referenceHash().orElse(""),
                d.providerMessageId().orElse(""),
                d.status().code(),
                d.reason().orElse(""),
                history(d.history()));
    }

    /** {@code sent@2025-03-01T09:00:00Z delivered@2025-03-01T09:00:04Z}: oldest first. */
    static String history(List<StatusChange> changes) {
        return changes.stream().map(c -> c.status().code() + "@" + c.at()).collect(Collectors.joining(" "));
    }

    /** The row as a JSON-ready map: the same fields, items and history as arrays. */
    public Map<String, Object> fields() {
        Delivery d = delivery;
        Map<String, Object> row = new LinkedHashMap<>();
        List<String> cells = cells();
        for (int i = 0; i < COLUMNS.size(); i++) {
            row.put(COLUMNS.get(i), cells.get(i));
        }
        row.put(
                "items",
                d.told()
                        .map(t -> t.items().stream().map(ItemKind::code).toList())
                        .orElse(List.of()));
        row.put(
                "status_history",
                d.history().stream()
                        .map(c -> Map.of("status", c.status().code(), "at", c.at().toString()))
                        .toList());
        return row;
    }
}
