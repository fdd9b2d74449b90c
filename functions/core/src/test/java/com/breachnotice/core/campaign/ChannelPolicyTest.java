package com.breachnotice.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.contact.ContactKind;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelPolicyTest {

    enum Contact {
        EMAIL(ContactKind.EMAIL, false, false),
        MOBILE(ContactKind.PHONE, true, false),
        LANDLINE(ContactKind.PHONE, false, false),
        MOBILE_OF_OWNER_WITHOUT_EMAIL(ContactKind.PHONE, true, true),
        LANDLINE_OF_OWNER_WITHOUT_EMAIL(ContactKind.PHONE, false, true);

        final ContactKind kind;
        final boolean sms;
        final boolean ownerWithoutEmail;

        Contact(ContactKind kind, boolean sms, boolean ownerWithoutEmail) {
            this.kind = kind;
            this.sms = sms;
            this.ownerWithoutEmail = ownerWithoutEmail;
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "EMAIL_FIRST, EMAIL, EMAIL",
        "EMAIL_FIRST, MOBILE, ",
        "EMAIL_FIRST, LANDLINE, ",
        "EMAIL_FIRST, MOBILE_OF_OWNER_WITHOUT_EMAIL, SMS",
        "EMAIL_FIRST, LANDLINE_OF_OWNER_WITHOUT_EMAIL, ",
        "BOTH, EMAIL, EMAIL",
        "BOTH, MOBILE, SMS",
        "BOTH, LANDLINE, ",
        "BOTH, MOBILE_OF_OWNER_WITHOUT_EMAIL, SMS",
        "BOTH, LANDLINE_OF_OWNER_WITHOUT_EMAIL, ",
        "EMAIL_ONLY, EMAIL, EMAIL",
        "EMAIL_ONLY, MOBILE, ",
        "EMAIL_ONLY, LANDLINE, ",
        "EMAIL_ONLY, MOBILE_OF_OWNER_WITHOUT_EMAIL, ",
        "EMAIL_ONLY, LANDLINE_OF_OWNER_WITHOUT_EMAIL, ",
        "SMS_ONLY, EMAIL, ",
        "SMS_ONLY, MOBILE, SMS",
        "SMS_ONLY, LANDLINE, ",
        "SMS_ONLY, MOBILE_OF_OWNER_WITHOUT_EMAIL, SMS",
        "SMS_ONLY, LANDLINE_OF_OWNER_WITHOUT_EMAIL, "
    })
    void channelFor_policyAndContact_expectedChannel(ChannelPolicy policy, Contact contact, Channel expected) {
        assertThat(policy.channelFor(contact.kind, contact.sms, contact.ownerWithoutEmail))
                .isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @CsvSource({"email-first, EMAIL_FIRST", " BOTH , BOTH", "email-only, EMAIL_ONLY", "Sms-Only, SMS_ONLY"})
    void ofCode_knownCodes_parsed(String code, ChannelPolicy policy) {
        assertThat(ChannelPolicy.ofCode(code)).contains(policy);
        assertThat(ChannelPolicy.ofCode(policy.code())).contains(policy);
    }

    @org.junit.jupiter.api.Test
    void ofCode_unknown_empty() {
        assertThat(ChannelPolicy.ofCode("email_first")).isEmpty();
    }
}
