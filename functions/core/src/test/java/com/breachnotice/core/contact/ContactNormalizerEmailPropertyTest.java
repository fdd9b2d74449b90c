package com.breachnotice.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.testing.SeededCases;
import com.breachnotice.core.testing.SeededCases.Batch;
import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("addresses")
    void email_sameAsRegularExpressions(Batch<String> written) {
        written.check(text -> assertThat(normalizer.email(text)).isEqualTo(reference(text)));
    }

    static Stream<Batch<String>> addresses() {
        String longLabel = "a".repeat(63);
        List<String> edges = List.of(
                "",
                "@",
                "a@b",
                "a@b.",
                "a@.b",
                "a@@b.c",
                ".a@b.c",
                "a.@b.c",
                "a..b@c.d",
                " Kim.Lee+tag@Example.COM ",
                "\"quoted\"@example.com",
                "é@example.com",
                "a@한국.kr",
                "a@-b.c",
                "a@b-.c",
                "a@" + longLabel + ".kr",
                "a@" + longLabel + "b.kr",
                "x".repeat(64) + "@example.com",
                "x".repeat(65) + "@example.com");
        return SeededCases.of(edges, 5000, ContactNormalizerEmailPropertyTest::address);
    }

    private static String address(SplittableRandom random) {
        String local = SeededCases.string(random, "aZ09.._-+!#{}~\"(), é", 0, 12);
        String first = SeededCases.string(random, "abcXYZ019--_.한é", 0, 8);
        String second = SeededCases.string(random, "abcXYZ019--_.한é", 0, 8);
        String dot = SeededCases.oneOf(random, ".", "..", "");
        String longOne = SeededCases.string(random, "ab-", 64, 64);
        // A first label of seven characters stands in for a label over 63 characters.
        String domain = first.length() == 7 ? longOne + "." + second : first + "." + second + dot;
        String at = SeededCases.oneOf(random, "@", "@", "@", "@@", "");
        return local + at + domain;
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
