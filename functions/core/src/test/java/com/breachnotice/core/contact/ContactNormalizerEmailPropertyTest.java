package com.breachnotice.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written email checks accept and normalize exactly what the regular expressions and
 * {@link IDN#toASCII} on every domain did before them (kept here as the reference), on addresses
 * built from the characters that matter: atext symbols, dots, hyphens, upper case, stray {@code @},
 * spaces, and non-ASCII letters.
 */
class ContactNormalizerEmailPropertyTest {

    private static final Pattern LOCAL_PART =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private final ContactNormalizer normalizer = ContactNormalizer.korea();

    @Property(tries = 5000)
    void email_sameAsRegularExpressions(@ForAll("addresses") String written) {
        assertThat(normalizer.email(written)).isEqualTo(reference(written));
    }

    @Provide
    Arbitrary<String> addresses() {
        Arbitrary<String> local = Arbitraries.strings()
                .withChars("aZ09.._-+!#{}~\"(), é")
                .ofMinLength(0)
                .ofMaxLength(12);
        Arbitrary<String> label = Arbitraries.strings()
                .withChars("abcXYZ019--_.한é")
                .ofMinLength(0)
                .ofMaxLength(8);
        Arbitrary<String> longLabel = Arbitraries.strings().withChars("ab-").ofLength(64);
        Arbitrary<String> domain = Combinators.combine(label, label, Arbitraries.of(".", "..", ""), longLabel)
                .as((a, b, dot, longOne) -> a.length() == 7 ? longOne + "." + b : a + "." + b + dot);
        Arbitrary<String> at = Arbitraries.of("@", "@", "@", "@@", "");
        return Combinators.combine(local, at, domain).as((l, a, d) -> l + a + d);
    }

    /** The normalization as it was written first, with regular expressions. */
    private static Optional<Contact> reference(String raw) {
        String trimmed = raw.strip();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1 || trimmed.indexOf('@') != at) {
            return Optional.empty();
        }
        String local = trimmed.substring(0, at);
        String domain;
        try {
            domain = IDN.toASCII(trimmed.substring(at + 1), IDN.USE_STD3_ASCII_RULES)
                    .toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (local.length() > 64
                || domain.length() > 255
                || !LOCAL_PART.matcher(local).matches()) {
            return Optional.empty();
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!DOMAIN_LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        String address = local + "@" + domain;
        return address.length() > 254 ? Optional.empty() : Optional.of(Contact.email(address));
    }
}
