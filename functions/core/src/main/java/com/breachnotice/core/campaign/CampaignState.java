package com.breachnotice.core.campaign;

import java.util.Locale;
import java.util.Set;

/**
 * Where a campaign stands in its lifecycle. Only these moves exist: an active campaign can be
 * paused, cancelled or found done; a paused one resumed or cancelled. Cancelled and done are final:
 * a cancelled campaign's unsent deliveries were closed as {@code cancelled}, and a done one has
 * nothing left to send.
 */
public enum CampaignState {
    ACTIVE,
    PAUSED,
    CANCELLED,
    DONE;

    public boolean canMoveTo(CampaignState next) {
        return switch (this) {
            case ACTIVE -> Set.of(PAUSED, CANCELLED, DONE).contains(next);
            case PAUSED -> Set.of(ACTIVE, CANCELLED).contains(next);
            case CANCELLED, DONE -> false;
        };
    }

    public boolean terminal() {
        return this == CANCELLED || this == DONE;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CampaignState ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
