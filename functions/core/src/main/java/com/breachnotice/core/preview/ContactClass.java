package com.breachnotice.core.preview;

import com.breachnotice.core.contact.ContactKind;
import com.breachnotice.core.manifest.NoticeLocale;
import java.util.Locale;

/**
 * Contacts that every campaign policy treats alike: what the planner reads of a contact, plus the
 * two things the price and the text depend on.
 *
 * @param customer whether the person is a customer (the customer SMS text) or known only from
 *     customers' address books (the address-book text)
 * @param country ISO 3166 code of a phone's destination (it sets the SMS price); empty for email
 */
public record ContactClass(
        ContactKind kind,
        NoticeLocale locale,
        boolean smsCapable,
        boolean ownerWithoutEmail,
        boolean customer,
        String country) {

    public ContactClass {
        country = country.strip().toUpperCase(Locale.ROOT);
        if (kind == ContactKind.PHONE && !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("a phone's class names its country (two letters): '" + country + "'");
        }
        if (kind == ContactKind.EMAIL) {
            country = "";
        }
    }

    public static ContactClass email(NoticeLocale locale, boolean customer) {
        return new ContactClass(ContactKind.EMAIL, locale, false, false, customer, "");
    }

    public static ContactClass phone(
            NoticeLocale locale, boolean smsCapable, boolean ownerWithoutEmail, boolean customer, String country) {
        return new ContactClass(ContactKind.PHONE, locale, smsCapable, ownerWithoutEmail, customer, country);
    }
}
