package com.breachnotice.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContactKeyerTest {

    private static Pepper pepper(String phrase) {
        return new Pepper(phrase.getBytes(StandardCharsets.UTF_8));
    }

    private final ContactKeyer keyer = new ContactKeyer(pepper("pepper one, at least thirty-two bytes"));
    private final ContactKeyer other = new ContactKeyer(pepper("pepper two, at least thirty-two bytes"));
    private final ContactNormalizer normalizer = ContactNormalizer.korea();

    @Test
    void keyOf_samePepper_deterministicAndCaseInsensitiveForEmail() {
        ContactKey a = keyer.keyOf(normalizer.email("Kim@Example.com").orElseThrow());
        ContactKey b = new ContactKeyer(pepper("pepper one, at least thirty-two bytes"))
                .keyOf(normalizer.email("kim@example.com").orElseThrow());

        assertThat(a).isEqualTo(b);
        assertThat(a.value()).matches("E1[0-9a-f]{64}");
        assertThat(a.version()).isEqualTo(1);
        assertThat(a.kind()).isEqualTo(ContactKind.EMAIL);
    }

    @Test
    void keyOf_otherPepper_differs() {
        Contact email = normalizer.email("kim@example.com").orElseThrow();

        assertThat(keyer.keyOf(email)).isNotEqualTo(other.keyOf(email));
    }

    @Test
    void keyOf_emailAndPhoneOfSameText_domainSeparated() {
        ContactKey email = keyer.keyOf(Contact.email("+821012345678"));
        ContactKey phone = keyer.keyOf(Contact.phone("+821012345678", true));

        assertThat(phone.value()).startsWith("P");
        assertThat(email.hash()).isNotEqualTo(phone.hash());
    }

    @Test
    void codeAndReferenceHashes_differFromContactHashesOfSameText() {
        String text = "ABCD1234EFGH5Z";
        String contactHash = keyer.keyOf(Contact.email(text)).hash();

        assertThat(keyer.referenceHash(text)).isNotEqualTo(contactHash).hasSize(64);
        assertThat(keyer.codeHash("challenge", text)).isNotEqualTo(contactHash).isNotEqualTo(keyer.referenceHash(text));
        assertThat(keyer.codeHash("c1", "123456")).isNotEqualTo(keyer.codeHash("c2", "123456"));
        assertThat(keyer.referenceHash(text)).isNotEqualTo(other.referenceHash(text));
    }

    @Test
    void pepper_shorterThan32Bytes_refusedAndNeverPrinted() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pepper("short"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(pepper("pepper one, at least thirty-two bytes").toString()).doesNotContain("pepper one");
    }
}
