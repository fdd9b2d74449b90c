package com.breachnotice.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.core.testing.InMemoryCampaignStore;
import com.breachnotice.core.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LifecycleServiceTest {

    private static final String OPS = "arn:aws:iam::000000000000:user/ops";

    private final InMemoryCampaignStore store = new InMemoryCampaignStore();
    private final MutableClock clock = new MutableClock(Fixtures.T0);
    private final LifecycleService service = new LifecycleService(store, clock);

    @Test
    void move_pauseResumeCancel_eachKeptWithWhoWhenWhy() {
        store.create(Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST));

        assertThat(service.move("first", CampaignState.PAUSED, OPS, "wrong text"))
                .isInstanceOf(LifecycleService.Outcome.Moved.class);
        clock.advance(Duration.ofMinutes(5));
        service.move("first", CampaignState.ACTIVE, OPS, "text fixed");
        clock.advance(Duration.ofMinutes(5));
        service.move("first", CampaignState.CANCELLED, OPS, "regulator asked");

        CampaignLifecycle lifecycle = store.lifecycle("first").orElseThrow();
        assertThat(lifecycle.state()).isEqualTo(CampaignState.CANCELLED);
        assertThat(lifecycle.version()).isEqualTo(3);
        assertThat(lifecycle.history())
                .containsExactly(
                        new LifecycleChange(CampaignState.ACTIVE, CampaignState.PAUSED, Fixtures.T0, OPS, "wrong text"),
                        new LifecycleChange(
                                CampaignState.PAUSED,
                                CampaignState.ACTIVE,
                                Fixtures.T0.plus(Duration.ofMinutes(5)),
                                OPS,
                                "text fixed"),
                        new LifecycleChange(
                                CampaignState.ACTIVE,
                                CampaignState.CANCELLED,
                                Fixtures.T0.plus(Duration.ofMinutes(10)),
                                OPS,
                                "regulator asked"));
        assertThat(lifecycle.reason()).isEqualTo("regulator asked");
    }

    @Test
    void move_illegalTransitions_refusedNothingChanged() {
        store.create(Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST));
        store.create(Fixtures.campaign("second", ChannelPolicy.EMAIL_FIRST));
        service.move("first", CampaignState.CANCELLED, OPS, "");
        service.move("second", CampaignState.DONE, OPS, "");

        assertThat(service.move("first", CampaignState.ACTIVE, OPS, ""))
                .isEqualTo(new LifecycleService.Outcome.Refused(
                        CampaignState.CANCELLED, "a cancelled campaign cannot be resumed"));
        assertThat(service.move("second", CampaignState.CANCELLED, OPS, ""))
                .isEqualTo(new LifecycleService.Outcome.Refused(
                        CampaignState.DONE, "a done campaign cannot be cancelled"));
        assertThat(service.move("first", CampaignState.PAUSED, OPS, ""))
                .isInstanceOf(LifecycleService.Outcome.Refused.class);
        assertThat(store.lifecycle("first").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void move_activeCampaignResumed_refused() {
        store.create(Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST));

        assertThat(service.move("first", CampaignState.ACTIVE, OPS, ""))
                .isInstanceOf(LifecycleService.Outcome.Refused.class);
    }

    @Test
    void move_unknownCampaign_unknown() {
        assertThat(service.move("nobody", CampaignState.PAUSED, OPS, ""))
                .isEqualTo(new LifecycleService.Outcome.UnknownCampaign());
    }

    @Test
    void tryMove_fromAStaleRead_losesTheRace() {
        store.create(Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST));
        CampaignLifecycle stale = store.lifecycle("first").orElseThrow();
        service.move("first", CampaignState.PAUSED, OPS, "");

        assertThat(service.tryMove("first", stale, CampaignState.DONE, OPS, "")).isEmpty();
        assertThat(store.lifecycle("first").orElseThrow().state()).isEqualTo(CampaignState.PAUSED);
    }

    @Test
    void history_boundedToTheLatestMoves() {
        store.create(Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST));
        for (int i = 0; i < CampaignLifecycle.MAX_HISTORY; i++) {
            service.move("first", CampaignState.PAUSED, OPS, "pause " + i);
            service.move("first", CampaignState.ACTIVE, OPS, "resume " + i);
        }

        CampaignLifecycle lifecycle = store.lifecycle("first").orElseThrow();
        assertThat(lifecycle.history()).hasSize(CampaignLifecycle.MAX_HISTORY);
        assertThat(lifecycle.version()).isEqualTo(2L * CampaignLifecycle.MAX_HISTORY);
        assertThat(lifecycle.reason()).isEqualTo("resume " + (CampaignLifecycle.MAX_HISTORY - 1));
    }

    @Test
    void reason_longerThanTheLimit_cut() {
        LifecycleChange change = new LifecycleChange(
                CampaignState.ACTIVE,
                CampaignState.PAUSED,
                Fixtures.T0,
                OPS,
                "x".repeat(2 * LifecycleChange.MAX_REASON));

        assertThat(change.reason()).hasSize(LifecycleChange.MAX_REASON);
    }
}
