package com.breachnotice.core.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns what a person typed (or a manifest holds) into one canonical contact. Intake, the lookup
 * and the sender all go through here, so the same person always gets the same key.
 */
public final class ContactNormalizer {

    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_DOMAIN = 255;
    private static final int MAX_ADDRESS = 254;
    // RFC 5322 dot-atom for the local part; quoted local parts are refused (no mailbox provider
    // hands them out, and they are a favourite of injection payloads).
    private static final Pattern LOCAL_PART =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public ContactNormalizer(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /** The default for this product's case: Korean numbers may be written without +82. */
    public static ContactNormalizer korea() {
        return new ContactNormalizer("KR");
    }

    public Optional<Contact> email(String raw) {
        String trimmed = raw.strip();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1 || trimmed.indexOf('@') != at) {
            return Optional.empty();
        }
        String local = trimmed.substring(0, at);
        String domain;
        try {
            domain = IDN.toASCII(trimmed.substring(at + 1), IDN.USE_STD3_ASCII_RULES)
                    .toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (local.length() > MAX_LOCAL_PART
                || domain.length() > MAX_DOMAIN
                || !LOCAL_PART.matcher(local).matches()) {
            return Optional.empty();
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!DOMAIN_LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        String address = local + "@" + domain;
        if (address.length() > MAX_ADDRESS) {
            return Optional.empty();
        }
        return Optional.of(Contact.email(address));
    }

    public Optional<Contact> phone(String raw) {
        String trimmed = raw.strip();
        if (trimmed.isEmpty() || trimmed.length() > 32) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = phones.parse(trimmed, defaultRegion);
            if (!phones.isValidNumber(number)) {
                return Optional.empty();
            }
            PhoneNumberType type = phones.getNumberType(number);
            boolean sms = type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
            return Optional.of(Contact.phone(phones.format(number, PhoneNumberFormat.E164), sms));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** For the lookup page: one field that takes either kind. */
    public Optional<Contact> either(String raw) {
        return raw.indexOf('@') >= 0 ? email(raw) : phone(raw);
    }
}
