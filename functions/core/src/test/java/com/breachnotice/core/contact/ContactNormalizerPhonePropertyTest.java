package com.breachnotice.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.testing.SeededCases;
import com.breachnotice.core.testing.SeededCases.Batch;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast path for Korean numbers written the usual way gives exactly what libphonenumber's parse
 * gives: same validity, same E.164, same SMS capability, for valid and invalid numbers alike.
 */
class ContactNormalizerPhonePropertyTest {

    private static final String DIGITS = "0123456789";

    private final ContactNormalizer normalizer = ContactNormalizer.korea();

    @ParameterizedTest(name = "{0}")
    @MethodSource("koreanShapes")
    void phone_koreanShapes_sameAsLibphonenumber(Batch<String> written) {
        written.check(text -> assertThat(normalizer.phone(text)).isEqualTo(normalizer.phoneByLibrary(text.strip())));
    }

    static Stream<Batch<String>> koreanShapes() {
        List<String> edges = List.of(
                "01000000000",
                "010-00-000",
                "010-99999-99999",
                "+82 10 1234 5678",
                "+821012345678",
                "0-00-000",
                "01-1234-5678",
                "010 - 1234 - 5678",
                "011.234.5678",
                "+82-0-12-345");
        return SeededCases.of(edges, 3000, ContactNormalizerPhonePropertyTest::koreanShape);
    }

    private static String koreanShape(SplittableRandom random) {
        String prefix =
                SeededCases.oneOf(random, "010", "011", "016", "017", "018", "019", "012", "013", "015", "01", "0");
        String middle = SeededCases.string(random, DIGITS, 2, 5);
        String last = SeededCases.string(random, DIGITS, 3, 5);
        String separator = SeededCases.oneOf(random, "", "-", " ", ".", " - ");
        return random.nextBoolean()
                ? "+82" + separator + prefix.substring(1) + separator + middle + separator + last
                : prefix + separator + middle + separator + last;
    }
}
