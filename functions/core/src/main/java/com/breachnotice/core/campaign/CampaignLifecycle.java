package com.breachnotice.core.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A campaign's state and the moves that led to it, oldest first. The history is bounded ({@link
 * #MAX_HISTORY} latest moves) because it lives on the campaign item; the {@code version} counts
 * every move ever made, so a store can refuse a move decided on a stale read.
 */
public record CampaignLifecycle(CampaignState state, long version, List<LifecycleChange> history) {

    /** Moves kept on the campaign item: a pause/resume a day for weeks fits, and the item stays small. */
    public static final int MAX_HISTORY = 50;

    /** A campaign that was never paused, cancelled or found done. */
    public static final CampaignLifecycle NEW = new CampaignLifecycle(CampaignState.ACTIVE, 0, List.of());

    public CampaignLifecycle {
        history = List.copyOf(history);
    }

    /** What asking for a move gives. */
    public sealed interface Move {
        record Moved(CampaignLifecycle next, LifecycleChange change) implements Move {}

        /** Not a move this state allows: nothing changes. */
        record Refused(CampaignState current, String message) implements Move {}
    }

    public Move moveTo(CampaignState next, Instant at, String by, String reason) {
        if (!state.canMoveTo(next)) {
            return new Move.Refused(state, "a " + state.code() + " campaign cannot be " + verb(next));
        }
        LifecycleChange change = new LifecycleChange(state, next, at, by, reason);
        List<LifecycleChange> moves = new ArrayList<>(history);
        moves.add(change);
        if (moves.size() > MAX_HISTORY) {
            moves = moves.subList(moves.size() - MAX_HISTORY, moves.size());
        }
        return new Move.Moved(new CampaignLifecycle(next, version + 1, moves), change);
    }

    /** The reason of the move into the current state, or empty words for a campaign never moved. */
    public String reason() {
        return history.isEmpty() ? "" : history.get(history.size() - 1).reason();
    }

    private static String verb(CampaignState next) {
        return switch (next) {
            case ACTIVE -> "resumed";
            case PAUSED -> "paused";
            case CANCELLED -> "cancelled";
            case DONE -> "marked done";
        };
    }
}
