package com.breachnotice.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceCodesTest {

    private static final String SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final ReferenceCodes codes = new ReferenceCodes(seeded(7));

    /** A SecureRandom that draws the same codes on every run, so a failure can be replayed. */
    private static SecureRandom seeded(long seed) {
        try {
            // SHA1PRNG seeded before its first use is deterministic; the default instance is not.
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> sample(int n) {
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sample.add(codes.next());
        }
        return sample;
    }

    @Test
    void next_printedForm_groupsOfFourWithCheck() {
        Set<String> seen = new HashSet<>();
        for (String code : sample(500)) {
            assertThat(code)
                    .matches(
                            "[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z][0-9A-HJKMNP-TV-Z*~$=U]");
            assertThat(ReferenceCodes.canonical(code)).contains(code.replace("-", ""));
            seen.add(code);
        }
        assertThat(seen).hasSize(500);
    }

    @Test
    void canonical_everySingleSubstitution_rejected() {
        for (String code : sample(40)) {
            String canonical = code.replace("-", "");
            for (int position = 0; position < canonical.length(); position++) {
                String alphabet = position < 13 ? SYMBOLS : SYMBOLS + "*~$=U";
                for (char c : alphabet.toCharArray()) {
                    if (c == canonical.charAt(position)) {
                        continue;
                    }
                    String typo = canonical.substring(0, position) + c + canonical.substring(position + 1);
                    assertThat(ReferenceCodes.canonical(typo))
                            .as("%s -> %s", canonical, typo)
                            .isEmpty();
                }
            }
        }
    }

    @Test
    void canonical_everyAdjacentTranspositionOfData_rejected() {
        for (String code : sample(200)) {
            String canonical = code.replace("-", "");
            for (int i = 0; i + 1 < 13; i++) {
                if (canonical.charAt(i) == canonical.charAt(i + 1)) {
                    continue;
                }
                String swapped = canonical.substring(0, i)
                        + canonical.charAt(i + 1)
                        + canonical.charAt(i)
                        + canonical.substring(i + 2);
                assertThat(ReferenceCodes.canonical(swapped))
                        .as("%s -> %s", canonical, swapped)
                        .isEmpty();
            }
        }
    }

    @Test
    void canonical_commonMistypes_forgiven() {
        Random random = new Random(1);
        for (String code : sample(200)) {
            String typed = code.toLowerCase(Locale.ROOT).replace("-", " ");
            if (random.nextBoolean()) {
                typed = "  " + typed.replace("0", "O").replace("1", random.nextBoolean() ? "I" : "l") + " ";
            }
            assertThat(ReferenceCodes.canonical(typed)).as(typed).contains(code.replace("-", ""));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ABCD-EFGH-JKMN-P", "ABCD-EFGH-JKMN-PQRS", "ABCD-EFGH-JKMN-P!", "ABCD-EFGH-JKMU-PQ"})
    void canonical_wrongLengthOrSymbols_rejected(String typed) {
        assertThat(ReferenceCodes.canonical(typed)).isEmpty();
    }

    @Test
    void canonical_codeWithOneSymbolMissingOrExtra_rejected() {
        String canonical = codes.next().replace("-", "");

        assertThat(ReferenceCodes.canonical(canonical.substring(1))).isEmpty();
        assertThat(ReferenceCodes.canonical("0" + canonical)).isEmpty();
    }
}
