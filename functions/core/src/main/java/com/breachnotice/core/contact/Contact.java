package com.breachnotice.core.contact;

import java.util.Objects;

/**
 * One normalized email address or phone number (E.164). {@code toString} never shows the value, so
 * a contact that reaches a log line by accident shows nothing personal.
 *
 * @param smsCapable for phones, whether the number can receive SMS (mobile); always false for email
 */
public record Contact(ContactKind kind, String value, boolean smsCapable) {

    public Contact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public static Contact email(String normalized) {
        return new Contact(ContactKind.EMAIL, normalized, false);
    }

    public static Contact phone(String e164, boolean smsCapable) {
        return new Contact(ContactKind.PHONE, e164, smsCapable);
    }

    /** The form that is keyed for lookup: the whole address lower-cased, or the E.164 number. */
    public String lookupForm() {
        return kind == ContactKind.EMAIL ? value.toLowerCase(java.util.Locale.ROOT) : value;
    }

    @Override
    public String toString() {
        return "Contact[" + kind + ", redacted]";
    }
}
