package com.breachnotice.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactNormalizerTest {

    private final ContactNormalizer normalizer = ContactNormalizer.korea();

    @ParameterizedTest
    @ValueSource(strings = {"010-1234-5678", "01012345678", "+82 10 1234 5678", "+82-10-1234-5678", " 010 1234 5678 "})
    void phone_koreanMobileForms_sameE164SmsCapable(String raw) {
        Contact phone = normalizer.phone(raw).orElseThrow();

        assertThat(phone.value()).isEqualTo("+821012345678");
        assertThat(phone.smsCapable()).isTrue();
        assertThat(phone.kind()).isEqualTo(ContactKind.PHONE);
    }

    @Test
    void phone_seoulLandline_validNotSmsCapable() {
        Contact phone = normalizer.phone("02-312-3456").orElseThrow();

        assertThat(phone.value()).isEqualTo("+8223123456");
        assertThat(phone.smsCapable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "010-12", "not a number", "+82 10 1234 5678 9999 1234 5678 9999 1"})
    void phone_invalid_empty(String raw) {
        assertThat(normalizer.phone(raw)).isEmpty();
    }

    @Test
    void email_mixedCase_domainLowerLocalKept() {
        Contact email = normalizer.email("  Kim.Minji@Example.COM ").orElseThrow();

        assertThat(email.value()).isEqualTo("Kim.Minji@example.com");
        assertThat(email.lookupForm()).isEqualTo("kim.minji@example.com");
        assertThat(email.smsCapable()).isFalse();
    }

    @Test
    void email_internationalizedDomain_punycode() {
        assertThat(normalizer.email("user@Bücher.example").orElseThrow().value())
                .isEqualTo("user@xn--bcher-kva.example");
    }

    @Test
    void email_trailingDotOfDomain_dropped() {
        assertThat(normalizer.email("a@example.com.").orElseThrow().value()).isEqualTo("a@example.com");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "plain",
                "@example.com",
                "a@",
                "a@b@example.com",
                "a@localhost",
                "\"quoted\"@example.com",
                "a..b@example.com",
                ".a@example.com",
                "a@-example.com",
                "a@exa_mple.com",
                "한글@example.com"
            })
    void email_invalid_empty(String raw) {
        assertThat(normalizer.email(raw)).isEmpty();
    }

    @Test
    void email_localPartOver64_empty() {
        assertThat(normalizer.email("a".repeat(65) + "@example.com")).isEmpty();
        assertThat(normalizer.email("a".repeat(64) + "@example.com")).isPresent();
    }

    @Test
    void either_routesByAtSign() {
        assertThat(normalizer.either("a@example.com").orElseThrow().kind()).isEqualTo(ContactKind.EMAIL);
        assertThat(normalizer.either("010-1234-5678").orElseThrow().kind()).isEqualTo(ContactKind.PHONE);
    }

    @Test
    void toString_neverShowsValue() {
        assertThat(normalizer.email("kim@example.com").orElseThrow().toString()).doesNotContain("kim");
    }
}
