package com.breachnotice.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactKeyTest {

    private static final String HASH = "0123456789abcdef".repeat(4);

    @Test
    void of_writesKindVersionAndHash_andTheyParseBack() {
        ContactKey one = ContactKey.of(ContactKind.EMAIL, 1, HASH);
        ContactKey big = ContactKey.of(ContactKind.PHONE, 9999, HASH);

        assertThat(one.value()).isEqualTo("E1" + HASH);
        assertThat(one.version()).isEqualTo(1);
        assertThat(one.hash()).isEqualTo(HASH);
        assertThat(one.kind()).isEqualTo(ContactKind.EMAIL);
        assertThat(big.value()).isEqualTo("P9999" + HASH);
        assertThat(big.version()).isEqualTo(9999);
        assertThat(big.kind()).isEqualTo(ContactKind.PHONE);
        assertThat(big.fingerprint()).isEqualTo(one.fingerprint()).isEqualTo(0x0123456789abcdefL);
    }

    @Test
    void constructor_refusesKeysWithoutAVersionOrWithAMalformedOne() {
        for (String bad : new String[] {
            "E" + HASH, // the format before versions
            "E0" + HASH,
            "E01" + HASH,
            "E10000" + HASH,
            "Ex" + HASH,
            "X1" + HASH,
            "E1" + HASH.toUpperCase(java.util.Locale.ROOT),
            "E1" + HASH.substring(1),
            ""
        }) {
            assertThatThrownBy(() -> new ContactKey(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void keyRing_versionsCurrentFirstThenNewestFirst_andRefusesBadRings() {
        Pepper pepper = new Pepper("a ring test pepper, thirty-two bytes long".getBytes(StandardCharsets.UTF_8));
        KeyRing ring = new KeyRing(2, Map.of(1, pepper, 2, pepper, 3, pepper));

        assertThat(ring.versions()).containsExactly(2, 3, 1);
        assertThat(ring.toString()).doesNotContain("ring test pepper");
        assertThat(ring.derive(KeyPurpose.CONTACT_KEY, 1))
                .hasSize(32)
                .isNotEqualTo(ring.derive(KeyPurpose.CONTACT_KEY, 2))
                .isNotEqualTo(ring.derive(KeyPurpose.CODE_HASH, 1));
        assertThatThrownBy(() -> ring.derive(KeyPurpose.CODE_SEAL, 4)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new KeyRing(2, Map.of(1, pepper))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyRing(0, Map.of(0, pepper))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContactKeyer(ring).referenceSeed(ContactKey.of(ContactKind.EMAIL, 7, HASH), "n"))
                .isInstanceOf(IllegalStateException.class);
    }
}
