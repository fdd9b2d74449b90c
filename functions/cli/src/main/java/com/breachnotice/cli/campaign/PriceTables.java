package com.breachnotice.cli.campaign;

import com.breachnotice.cli.Json;
import com.breachnotice.cli.UserPaths;
import com.breachnotice.core.preview.PriceTable;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Price tables as JSON: {@code as_of}, {@code currency}, {@code source}, {@code email_per_thousand}
 * and {@code sms_per_part} by ISO country code. The built-in one is dated; an operator's file
 * replaces it whole.
 */
final class PriceTables {

    static final String BUILT_IN = "prices/prices-2026-12.json";

    private PriceTables() {}

    static PriceTable load(@Nullable Path file) {
        if (file == null) {
            try (InputStream in = PriceTables.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in price table " + BUILT_IN + " is missing");
                }
                return parse(Json.mapper().readTree(in), BUILT_IN);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the built-in price table", e);
            }
        }
        Path path = UserPaths.resolve(file);
        try {
            return parse(Json.mapper().readTree(Files.readString(path)), path.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("--prices " + path + ": cannot read it (" + e.getMessage() + ")", e);
        }
    }

    static PriceTable parse(JsonNode json, String where) {
        try {
            Map<String, BigDecimal> sms = new HashMap<>();
            json.path("sms_per_part").properties().forEach(e -> sms.put(e.getKey(), number(e.getValue(), where)));
            return new PriceTable(
                    LocalDate.parse(text(json, "as_of", where)),
                    text(json, "currency", where),
                    text(json, "source", where),
                    number(json.path("email_per_thousand"), where),
                    sms);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("price table " + where + ": as_of is a date (YYYY-MM-DD)", e);
        }
    }

    private static String text(JsonNode json, String field, String where) {
        JsonNode value = json.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("price table " + where + ": " + field + " is required");
        }
        return value.asText();
    }

    private static BigDecimal number(JsonNode value, String where) {
        if (!value.isNumber()) {
            throw new IllegalArgumentException("price table " + where + ": prices are numbers");
        }
        return value.decimalValue();
    }
}
