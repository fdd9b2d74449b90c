package com.breachnotice.core.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a person typed (or a manifest holds) into one canonical contact. Intake, the lookup
 * and the sender all go through here, so the same person always gets the same key.
 */
public final class ContactNormalizer {

    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_DOMAIN = 255;
    private static final int MAX_ADDRESS = 254;
    private static final int MAX_LABEL = 63;
    // RFC 5322 atext: the characters of a dot-atom local part besides letters and digits. Quoted
    // local parts are refused (no mailbox provider hands them out, and they are a favourite of
    // injection payloads).
    private static final String ATEXT_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";

    private static final int KOREA = 82;

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public ContactNormalizer(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /** The default for this product's case: Korean numbers may be written without +82. */
    public static ContactNormalizer korea() {
        return new ContactNormalizer("KR");
    }

    /**
     * A normalizer for which a phone number written without its country code belongs to {@code
     * country} (a region code such as {@code KR}, a deployment setting).
     *
     * @throws IllegalArgumentException if libphonenumber does not know the region, which would
     *     otherwise reject every national number quietly, row by row
     */
    public static ContactNormalizer forCountry(String country) {
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(country)) {
            throw new IllegalArgumentException("not a supported region code (such as KR): " + country);
        }
        return new ContactNormalizer(country);
    }

    public Optional<Contact> email(String raw) {
        String trimmed = raw.strip();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1 || trimmed.indexOf('@') != at) {
            return Optional.empty();
        }
        String local = trimmed.substring(0, at);
        String domain = trimmed.substring(at + 1);
        if (!isAscii(domain)) {
            // Internationalized domains become punycode. An ASCII domain skips the conversion: with
            // STD3 rules it only refuses what the label check below refuses too, and it is slow.
            try {
                domain = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        domain = domain.toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (local.length() > MAX_LOCAL_PART
                || domain.length() > MAX_DOMAIN
                || !isDotAtom(local)
                || !isHostName(domain)) {
            return Optional.empty();
        }
        String address = local + "@" + domain;
        if (address.length() > MAX_ADDRESS) {
            return Optional.empty();
        }
        return Optional.of(Contact.email(address));
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * RFC 5322 dot-atom: runs of atext separated by single dots, none at either end. Checked by hand
     * rather than by a regular expression: it runs on every row of a 33.7-million-row manifest.
     */
    private static boolean isDotAtom(String local) {
        if (local.isEmpty()) {
            return false;
        }
        boolean afterDot = true;
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c == '.') {
                if (afterDot) {
                    return false;
                }
                afterDot = true;
            } else if (isLetterOrDigit(c) || ATEXT_SYMBOLS.indexOf(c) >= 0) {
                afterDot = false;
            } else {
                return false;
            }
        }
        return !afterDot;
    }

    /**
     * At least two dot-separated labels of 1 to 63 lower-case letters, digits and hyphens, no
     * hyphen at either end of a label (STD3).
     */
    private static boolean isHostName(String domain) {
        int labels = 0;
        int start = 0;
        while (start <= domain.length()) {
            int dot = domain.indexOf('.', start);
            int end = dot < 0 ? domain.length() : dot;
            if (!isLabel(domain, start, end)) {
                return false;
            }
            labels++;
            start = end + 1;
        }
        return labels >= 2;
    }

    private static boolean isLabel(String domain, int start, int end) {
        int length = end - start;
        if (length < 1 || length > MAX_LABEL || domain.charAt(start) == '-' || domain.charAt(end - 1) == '-') {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = domain.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    public Optional<Contact> phone(String raw) {
        String trimmed = raw.strip();
        if (trimmed.isEmpty() || trimmed.length() > 32) {
            return Optional.empty();
        }
        String koreanMobile = koreanMobileDigits(trimmed);
        if (koreanMobile != null) {
            return typed(new PhoneNumber().setCountryCode(KOREA).setNationalNumber(Long.parseLong(koreanMobile)));
        }
        return phoneByLibrary(trimmed);
    }

    /** The general path: libphonenumber parses whatever was written. */
    Optional<Contact> phoneByLibrary(String trimmed) {
        try {
            return typed(phones.parse(trimmed, defaultRegion));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private Optional<Contact> typed(PhoneNumber number) {
        // getNumberType is isValidNumber's own test (a number that matches no pattern of its region
        // is UNKNOWN), so one call answers both questions; calling both ran every pattern twice.
        PhoneNumberType type = phones.getNumberType(number);
        if (type == PhoneNumberType.UNKNOWN) {
            return Optional.empty();
        }
        boolean sms = type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
        return Optional.of(Contact.phone(phones.format(number, PhoneNumberFormat.E164), sms));
    }

    /**
     * The national significant number of a Korean number written the usual way ({@code 010-1234-5678},
     * {@code 01012345678}, {@code +82 10 1234 5678}: digits, spaces, hyphens, dots), or null for
     * anything else. Parsing is the slowest step of a manifest row and nearly every row holds such a
     * number; for these shapes what {@code parse} does reduces to dropping the separators and the
     * national prefix 0 (a property test holds this path equal to libphonenumber's). Validity and
     * type still come from libphonenumber's metadata.
     */
    private @Nullable String koreanMobileDigits(String text) {
        if (!"KR".equals(defaultRegion)) {
            return null;
        }
        int start = 0;
        boolean international = text.startsWith("+82");
        if (international) {
            start = 3;
        }
        StringBuilder digits = new StringBuilder(12);
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != '-' && c != ' ' && c != '.') {
                return null;
            }
        }
        if (international) {
            return digits.length() >= 9 && digits.length() <= 10 && digits.charAt(0) == '1' ? digits.toString() : null;
        }
        if (digits.length() >= 10 && digits.length() <= 11 && digits.charAt(0) == '0' && digits.charAt(1) == '1') {
            return digits.substring(1);
        }
        return null;
    }

    /** For the lookup page: one field that takes either kind. */
    public Optional<Contact> either(String raw) {
        return raw.indexOf('@') >= 0 ? email(raw) : phone(raw);
    }
}
