package com.breachnotice.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fast path for Korean numbers written the usual way gives exactly what libphonenumber's parse
 * gives: same validity, same E.164, same SMS capability, for valid and invalid numbers alike.
 */
class ContactNormalizerPhonePropertyTest {

    private final ContactNormalizer normalizer = ContactNormalizer.korea();

    @Property(tries = 3000)
    void phone_koreanShapes_sameAsLibphonenumber(@ForAll("koreanShapes") String written) {
        assertThat(normalizer.phone(written)).isEqualTo(normalizer.phoneByLibrary(written.strip()));
    }

    @Provide
    Arbitrary<String> koreanShapes() {
        Arbitrary<String> prefix =
                Arbitraries.of("010", "011", "016", "017", "018", "019", "012", "013", "015", "01", "0");
        Arbitrary<String> middle =
                Arbitraries.strings().numeric().ofMinLength(2).ofMaxLength(5);
        Arbitrary<String> last = Arbitraries.strings().numeric().ofMinLength(3).ofMaxLength(5);
        Arbitrary<String> separator = Arbitraries.of("", "-", " ", ".", " - ");
        Arbitrary<Boolean> international = Arbitraries.of(true, false);
        return Combinators.combine(prefix, middle, last, separator, international)
                .as((p, m, l, sep, intl) ->
                        intl ? "+82" + sep + p.substring(1) + sep + m + sep + l : p + sep + m + sep + l);
    }
}
