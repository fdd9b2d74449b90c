package com.breachnotice.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.contact.Contact;
import org.junit.jupiter.api.Test;

class RecipientMaskTest {

    @Test
    void of_koreanMobile_isNationalFormWithTheMiddleHidden() {
        assertThat(RecipientMask.of(Contact.phone("+821012345678", true))).isEqualTo("010-****-5678");
    }

    @Test
    void of_email_keepsTheFirstLetterAndTheDomain() {
        assertThat(RecipientMask.of(Contact.email("eunji.park@Example.net"))).isEqualTo("e***@example.net");
    }

    @Test
    void of_foreignNumber_keepsCountryAndLastFour() {
        assertThat(RecipientMask.of(Contact.phone("+447700900123", true))).isEqualTo("+44 ****-0123");
    }

    @Test
    void of_neverShowsMoreThanFiveCharactersOfTheValue() {
        String mask = RecipientMask.of(Contact.phone("+821098765432", true));

        assertThat(mask).doesNotContain("9876").endsWith("5432");
    }
}
