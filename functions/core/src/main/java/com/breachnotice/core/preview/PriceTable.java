package com.breachnotice.core.preview;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * List prices on a date: SES per 1,000 emails, SMS per billed part by destination country. Prices
 * change; the table says when and where they were read, and the operator can give another.
 */
public record PriceTable(
        LocalDate asOf,
        String currency,
        String source,
        BigDecimal emailPerThousand,
        Map<String, BigDecimal> smsPerPart) {

    public PriceTable {
        if (emailPerThousand.signum() < 0) {
            throw new IllegalArgumentException("a price is never negative");
        }
        Map<String, BigDecimal> byCountry = new TreeMap<>();
        smsPerPart.forEach((country, price) -> {
            if (price.signum() < 0) {
                throw new IllegalArgumentException("a price is never negative");
            }
            byCountry.put(country.toUpperCase(Locale.ROOT), price);
        });
        smsPerPart = Map.copyOf(byCountry);
    }

    public Optional<BigDecimal> smsPart(String country) {
        return Optional.ofNullable(smsPerPart.get(country.toUpperCase(Locale.ROOT)));
    }
}
