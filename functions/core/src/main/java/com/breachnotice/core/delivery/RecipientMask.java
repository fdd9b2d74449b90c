package com.breachnotice.core.delivery;

import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKind;

/**
 * The masked form of a notice's recipient ({@code 010-****-5678}, {@code e***@example.net}) that the
 * genuineness check shows beside a reference code: enough for the person who got the notice to
 * recognise it as theirs, and for anyone else to see that a code pasted into a message to them was
 * issued to someone else; too little to contact or identify anybody.
 */
public final class RecipientMask {

    private RecipientMask() {}

    public static String of(Contact contact) {
        return contact.kind() == ContactKind.EMAIL ? email(contact.value()) : phone(contact.value());
    }

    /** The first character of the local part, the domain in full. */
    static String email(String address) {
        int at = address.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A Korean number in its national form with the middle digits hidden ({@code +821012345678} is
     * {@code 010-****-5678}); other numbers keep their country code and last four digits.
     */
    static String phone(String e164) {
        String digits = e164.startsWith("+") ? e164.substring(1) : e164;
        if (digits.length() < 7) {
            return "****";
        }
        String last = digits.substring(digits.length() - 4);
        if (digits.startsWith("82")) {
            String national = "0" + digits.substring(2);
            return national.substring(0, 3) + "-****-" + last;
        }
        return "+" + digits.substring(0, Math.min(2, digits.length() - 4)) + " ****-" + last;
    }
}
