package com.breachnotice.core.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.contact.KeyRing;
import com.breachnotice.core.contact.Pepper;
import com.breachnotice.core.manifest.NoticeLocale;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodeSealTest {

    private static final Pepper SECOND =
            new Pepper("the second pepper, also thirty-two bytes or more".getBytes(StandardCharsets.UTF_8));
    private static final KeyRing VERSION_1 = KeyRing.single(LookupFixture.PEPPER);
    private static final KeyRing ROTATED = new KeyRing(2, Map.of(1, LookupFixture.PEPPER, 2, SECOND));

    private final ContactKey contact =
            new ContactKeyer(VERSION_1).keyOf(com.breachnotice.core.contact.Contact.email("kim@example.com"));
    private final CodeRequest request = new CodeRequest("challenge-A", contact, "482913", NoticeLocale.KO);

    @Test
    void seal_holdsNoPlainCode_andOpensOnlyForItsChallengeAndContact() {
        CodeSeal seal = new CodeSeal(VERSION_1, new SecureRandom());

        String sealed = seal.seal(request);

        assertThat(sealed).startsWith("1.").doesNotContain("482913");
        assertThat(seal.seal(request)).isNotEqualTo(sealed);
        assertThat(seal.open(sealed, "challenge-A", contact.value())).contains("482913");
        assertThat(seal.open(sealed, "challenge-B", contact.value())).isEmpty();
        assertThat(seal.open(sealed, "challenge-A", "E1" + "0".repeat(64))).isEmpty();
    }

    @Test
    void open_codeSealedBeforeARotation_opensAfterIt_untilItsVersionLeavesTheRing() {
        String sealedUnder1 = new CodeSeal(VERSION_1, new SecureRandom()).seal(request);
        CodeSeal rotated = new CodeSeal(ROTATED, new SecureRandom());

        assertThat(rotated.open(sealedUnder1, "challenge-A", contact.value())).contains("482913");
        assertThat(rotated.seal(request)).startsWith("2.");
        assertThat(new CodeSeal(new KeyRing(2, Map.of(2, SECOND)), new SecureRandom())
                        .open(sealedUnder1, "challenge-A", contact.value()))
                .isEmpty();
    }

    @Test
    void open_malformed_isEmpty() {
        CodeSeal seal = new CodeSeal(VERSION_1, new SecureRandom());
        for (String bad : new String[] {"", "482913", ".abc", "1.", "1.!!!", "12345.AAAA", "x.AAAA", "1.AAAA"}) {
            assertThat(seal.open(bad, "challenge-A", contact.value())).as(bad).isEqualTo(Optional.empty());
        }
    }
}
