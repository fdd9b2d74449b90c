package com.breachnotice.core.campaign;

/**
 * How many message parts an SMS text takes. A text entirely in the GSM 03.38 alphabet goes as
 * GSM-7: 160 characters in one part, 153 per part when concatenated (the extension characters
 * {@code ^{}\[~]|€} count twice). Anything else (Korean, for one) goes as UCS-2: 70 UTF-16 units in
 * one part, 67 per part beyond. Carriers bill, and rate-limit, by the part.
 */
public final class SmsSegments {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENDED = "^{}\\[~]|€\f";

    /**
     * Parts above which a notice text draws a warning: a Korean notice with the precautions, the
     * site address, the help line and a reference code needs about three UCS-2 parts; more than
     * four costs more than it tells (see docs/notices.md).
     */
    public static final int PARTS_LIMIT = 4;

    private SmsSegments() {}

    public enum Encoding {
        GSM7,
        UCS2
    }

    public static Encoding encoding(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENDED.indexOf(c) < 0) {
                return Encoding.UCS2;
            }
        }
        return Encoding.GSM7;
    }

    /** The number of parts {@code text} is sent in (at least 1). */
    public static int count(String text) {
        if (encoding(text) == Encoding.GSM7) {
            int septets = 0;
            for (int i = 0; i < text.length(); i++) {
                septets += GSM_EXTENDED.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            }
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        int units = text.length();
        return units <= 70 ? 1 : (units + 66) / 67;
    }
}
