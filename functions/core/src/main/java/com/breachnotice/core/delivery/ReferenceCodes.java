package com.breachnotice.core.delivery;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Notice reference codes: 65 random bits in Crockford base32 (13 symbols) plus a mod-37 check
 * symbol, printed in groups as {@code XXXX-XXXX-XXXX-XX}. Easy to read aloud and type; what people
 * mistype (I, L, O, U, spaces, dashes, case) is forgiven when the code is checked.
 */
public final class ReferenceCodes {

    private static final String SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final String CHECK_SYMBOLS = SYMBOLS + "*~$=U";
    private static final int DATA_SYMBOLS = 13;

    private final SecureRandom random;

    public ReferenceCodes(SecureRandom random) {
        this.random = random;
    }

    public ReferenceCodes() {
        this(new SecureRandom());
    }

    /** A fresh code in printed form. */
    public String next() {
        StringBuilder data = new StringBuilder(DATA_SYMBOLS + 1);
        for (int i = 0; i < DATA_SYMBOLS; i++) {
            data.append(SYMBOLS.charAt(random.nextInt(32)));
        }
        data.append(checkSymbol(data));
        return group(data.toString());
    }

    /**
     * The canonical form (14 symbols, no dashes) of what a person typed, or empty when it is not a
     * well-formed code with a correct check symbol.
     */
    /** The code whose 65 random bits are the first bits of {@code seed} (at least 9 bytes). */
    public static String fromSeed(byte[] seed) {
        if (seed.length < 9) {
            throw new IllegalArgumentException("a reference seed needs at least 9 bytes");
        }
        StringBuilder data = new StringBuilder(DATA_SYMBOLS + 1);
        for (int i = 0; i < DATA_SYMBOLS; i++) {
            int bit = i * 5;
            int pair = ((seed[bit / 8] & 0xFF) << 8) | (seed[bit / 8 + 1] & 0xFF);
            data.append(SYMBOLS.charAt((pair >>> (11 - bit % 8)) & 31));
        }
        data.append(checkSymbol(data));
        return group(data.toString());
    }

    public static Optional<String> canonical(String typed) {
        StringBuilder data = new StringBuilder(DATA_SYMBOLS + 1);
        for (char raw : typed.strip().toUpperCase(Locale.ROOT).toCharArray()) {
            char c = switch (raw) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> raw;
            };
            if (c == '-' || c == ' ') {
                continue;
            }
            if (data.length() < DATA_SYMBOLS ? SYMBOLS.indexOf(c) < 0 : CHECK_SYMBOLS.indexOf(c) < 0) {
                return Optional.empty();
            }
            data.append(c);
            if (data.length() > DATA_SYMBOLS + 1) {
                return Optional.empty();
            }
        }
        if (data.length() != DATA_SYMBOLS + 1) {
            return Optional.empty();
        }
        char check = data.charAt(DATA_SYMBOLS);
        data.setLength(DATA_SYMBOLS);
        if (checkSymbol(data) != check) {
            return Optional.empty();
        }
        return Optional.of(data.append(check).toString());
    }

    public static String group(String canonical) {
        return canonical.substring(0, 4) + "-" + canonical.substring(4, 8) + "-" + canonical.substring(8, 12) + "-"
                + canonical.substring(12);
    }

    private static char checkSymbol(CharSequence data) {
        int mod = 0;
        for (int i = 0; i < data.length(); i++) {
            mod = (mod * 32 + SYMBOLS.indexOf(data.charAt(i))) % 37;
        }
        return CHECK_SYMBOLS.charAt(mod);
    }
}
