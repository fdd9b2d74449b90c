package com.breachnotice.cli.campaign;

import com.breachnotice.cli.Json;
import com.breachnotice.core.contact.ContactKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.preview.Audience;
import com.breachnotice.core.preview.ContactClass;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * An audience given as counts instead of a scan ({@code campaign preview --audience-counts FILE}):
 * for a registry not loaded yet, or too large to scan for a preview. The file is
 * {@code {"classes": [{"kind": "email"|"phone", "locale": "ko", "count": N, "sms_capable": true,
 * "owner_without_email": false, "customer": true, "country": "KR"}, ...]}}; the flags default to a
 * customer's mobile whose owner has an email, and the country to KR.
 */
final class AudienceCounts {

    private AudienceCounts() {}

    static Audience read(Path file) {
        try {
            return parse(Json.mapper().readTree(Files.readString(file)), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "--audience-counts " + file + ": cannot read it (" + e.getMessage() + ")", e);
        }
    }

    static Audience parse(JsonNode json, String where) {
        JsonNode classes = json.path("classes");
        if (!classes.isArray() || classes.isEmpty()) {
            throw new IllegalArgumentException(
                    "audience counts " + where + ": a non-empty \"classes\" array is required");
        }
        Map<ContactClass, Long> counts = new HashMap<>();
        for (JsonNode entry : classes) {
            String kind = entry.path("kind").asText();
            NoticeLocale locale = NoticeLocale.ofCode(entry.path("locale").asText("ko"))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "audience counts " + where + ": unknown locale " + entry.path("locale")));
            long count = entry.path("count").asLong(-1);
            if (count < 0) {
                throw new IllegalArgumentException("audience counts " + where + ": every class has a count >= 0");
            }
            boolean customer = entry.path("customer").asBoolean(true);
            ContactClass contactClass = switch (kind) {
                case "email" -> ContactClass.email(locale, customer);
                case "phone" ->
                    new ContactClass(
                            ContactKind.PHONE,
                            locale,
                            entry.path("sms_capable").asBoolean(true),
                            entry.path("owner_without_email").asBoolean(false),
                            customer,
                            entry.path("country").asText("KR"));
                default ->
                    throw new IllegalArgumentException(
                            "audience counts " + where + ": kind is email or phone, not '" + kind + "'");
            };
            counts.merge(contactClass, count, Long::sum);
        }
        return new Audience(counts);
    }
}
