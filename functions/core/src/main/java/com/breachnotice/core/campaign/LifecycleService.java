package com.breachnotice.core.campaign;

import java.time.Clock;
import java.util.Optional;

/** Pauses, resumes, cancels and closes campaigns, keeping who did it, when and why. */
public final class LifecycleService {

    /** Reads and writes of one move when others race it; each loss rereads the state. */
    static final int ATTEMPTS = 3;

    private final CampaignLifecycles lifecycles;
    private final Clock clock;

    public LifecycleService(CampaignLifecycles lifecycles, Clock clock) {
        this.lifecycles = lifecycles;
        this.clock = clock;
    }

    /** What a requested move came to. */
    public sealed interface Outcome {
        record Moved(CampaignLifecycle lifecycle, LifecycleChange change) implements Outcome {}

        /** The move is not allowed from the current state (resume a cancelled campaign...). */
        record Refused(CampaignState current, String message) implements Outcome {}

        record UnknownCampaign() implements Outcome {}

        /** Other moves kept winning the race: nothing changed; ask again. */
        record Contended() implements Outcome {}
    }

    public Outcome move(String campaignId, CampaignState to, String by, String reason) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<CampaignLifecycle> current = lifecycles.lifecycle(campaignId);
            if (current.isEmpty()) {
                return new Outcome.UnknownCampaign();
            }
            Optional<Outcome> done = tryMove(campaignId, current.get(), to, by, reason);
            if (done.isPresent()) {
                return done.get();
            }
        }
        return new Outcome.Contended();
    }

    /**
     * One attempt from a lifecycle already read (the progress read has it): the outcome, or empty
     * when another move came first.
     */
    public Optional<Outcome> tryMove(
            String campaignId, CampaignLifecycle current, CampaignState to, String by, String reason) {
        return switch (current.moveTo(to, clock.instant(), by, reason)) {
            case CampaignLifecycle.Move.Refused refused ->
                Optional.of(new Outcome.Refused(refused.current(), refused.message()));
            case CampaignLifecycle.Move.Moved moved ->
                lifecycles.replace(campaignId, current, moved.next())
                        ? Optional.of(new Outcome.Moved(moved.next(), moved.change()))
                        : Optional.empty();
        };
    }
}
