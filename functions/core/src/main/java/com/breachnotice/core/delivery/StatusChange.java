package com.breachnotice.core.delivery;

import java.time.Instant;

/**
 * One entry of a delivery's status history: the status it moved to and when. The history is
 * append-only and bounded ({@link #HISTORY_LIMIT}); statuses only move up in rank, so a delivery has
 * at most one entry per rank (six today), and the bound is a guard, never reached in normal use.
 */
public record StatusChange(DeliveryStatus status, Instant at) {

    /**
     * The most entries a delivery keeps. Past it the status still changes (the latest truth wins)
     * but no entry is appended, and the store marks the history as cut ({@code historyCut}).
     */
    public static final int HISTORY_LIMIT = 10;

    @Override
    public String toString() {
        return status.code() + "@" + at;
    }
}
