package com.breachnotice.core.delivery;

import java.util.Locale;

/**
 * Where one delivery stands. Statuses only move up in rank, so a late or repeated event never
 * undoes a later truth (a {@code DELIVERED} that arrives after a {@code BOUNCED} changes nothing).
 */
public enum DeliveryStatus {
    /** Claimed by a sender; the lease says until when. The only non-terminal status. */
    SENDING(0, false),
    /** Accepted by the provider. */
    SENT(1, true),
    DELIVERED(2, true),
    /** Could not be sent; the reason says why. */
    FAILED(3, true),
    SUPPRESSED(3, true),
    BOUNCED(4, true),
    COMPLAINED(5, true),
    /** Not sent because the operator cancelled the campaign first; the reason says why. */
    CANCELLED(6, true);

    private final int rank;
    private final boolean terminal;

    DeliveryStatus(int rank, boolean terminal) {
        this.rank = rank;
        this.terminal = terminal;
    }

    public boolean terminal() {
        return terminal;
    }

    public int rank() {
        return rank;
    }

    /** Whether an event may move a delivery from this status to {@code next}. */
    public boolean canAdvanceTo(DeliveryStatus next) {
        return next.rank > rank;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
