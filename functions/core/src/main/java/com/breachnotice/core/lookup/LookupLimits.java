package com.breachnotice.core.lookup;

import java.time.Duration;

/**
 * Per-source-address limits of the public lookup, counted in fixed windows. They sit beside the
 * per-contact quota ({@link LookupService#CHALLENGES_PER_CONTACT_PER_DAY}) and the per-challenge
 * attempt limit ({@link LookupService#MAX_ATTEMPTS}), and under the HTTP API's own throttling.
 *
 * <p>Mobile carriers put many customers behind one address (carrier-grade NAT), so the address
 * limits are loose enough for a crowd and tight enough that one address cannot walk through
 * contacts or codes: with the defaults, one address can ask for 30 codes and try 60 codes or
 * reference codes an hour.
 *
 * @param window the length of one counting window
 * @param startsPerAddress challenges one address may start per window
 * @param checksPerAddress code verifications plus reference checks one address may make per window
 */
public record LookupLimits(Duration window, int startsPerAddress, int checksPerAddress) {

    public static final LookupLimits DEFAULTS = new LookupLimits(Duration.ofHours(1), 30, 60);

    public LookupLimits {
        if (window.isNegative() || window.isZero() || window.toSeconds() < 1) {
            throw new IllegalArgumentException("the window must be at least one second");
        }
        if (startsPerAddress < 1 || checksPerAddress < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
