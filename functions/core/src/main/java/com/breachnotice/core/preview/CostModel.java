package com.breachnotice.core.preview;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a campaign costs at a {@link PriceTable}'s list prices (sending fees only). */
public final class CostModel {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private CostModel() {}

    /**
     * @param smsByCountry the SMS parts to each destination country
     * @param unpriced countries with SMS parts but no price in the table: their parts are not in the
     *     total, and the preview warns
     */
    public record Cost(
            String currency,
            BigDecimal email,
            Map<String, BigDecimal> smsByCountry,
            BigDecimal total,
            List<String> unpriced) {
        public Cost {
            smsByCountry = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(smsByCountry));
            unpriced = List.copyOf(unpriced);
        }

        public BigDecimal sms() {
            return smsByCountry.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public static Cost cost(PriceTable prices, long emails, Map<String, Long> smsPartsByCountry) {
        BigDecimal email = prices.emailPerThousand()
                .multiply(BigDecimal.valueOf(emails))
                .divide(THOUSAND, 2, RoundingMode.HALF_UP);
        Map<String, BigDecimal> sms = new TreeMap<>();
        List<String> unpriced = new java.util.ArrayList<>();
        smsPartsByCountry.forEach((country, parts) -> prices.smsPart(country)
                .ifPresentOrElse(
                        price -> sms.put(
                                country,
                                price.multiply(BigDecimal.valueOf(parts)).setScale(2, RoundingMode.HALF_UP)),
                        () -> unpriced.add(country)));
        BigDecimal total = sms.values().stream().reduce(email, BigDecimal::add);
        return new Cost(
                prices.currency(), email, sms, total, unpriced.stream().sorted().toList());
    }
}
