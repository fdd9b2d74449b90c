package com.breachnotice.core.sending;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.CampaignState;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.campaign.LifecycleService;
import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.core.testing.InMemoryCampaignStore;
import com.breachnotice.core.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LifecycleGateTest {

    private final InMemoryCampaignStore store = new InMemoryCampaignStore();
    private final MutableClock clock = new MutableClock(Fixtures.T0);
    private final LifecycleService lifecycle = new LifecycleService(store, clock);
    private final Campaign campaign = Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST);
    private final LifecycleGate gate =
            new LifecycleGate(store, CampaignGate.ALWAYS_OPEN, clock, LifecycleGate.DEFAULT_TTL);

    @Test
    void admit_followsTheStateOnceTheCacheRunsOut() {
        store.create(campaign);
        assertThat(gate.admit(campaign, clock.instant())).isEqualTo(new CampaignGate.Decision.Open());

        lifecycle.move("first", CampaignState.PAUSED, "ops", "wrong text");
        assertThat(gate.admit(campaign, clock.instant()))
                .as("still cached")
                .isEqualTo(new CampaignGate.Decision.Open());
        clock.advance(LifecycleGate.DEFAULT_TTL);
        assertThat(gate.admit(campaign, clock.instant())).isEqualTo(new CampaignGate.Decision.Held());

        lifecycle.move("first", CampaignState.CANCELLED, "ops", "regulator asked");
        clock.advance(LifecycleGate.DEFAULT_TTL);
        assertThat(gate.admit(campaign, clock.instant()))
                .isEqualTo(new CampaignGate.Decision.Closed("regulator asked"));
    }

    @Test
    void admit_readsTheStateAtMostOncePerTtl() {
        store.create(campaign);
        for (int i = 0; i < 100; i++) {
            gate.admit(campaign, clock.instant());
            clock.advance(Duration.ofMillis(10));
        }

        assertThat(store.lifecycleReads()).isEqualTo(1);
    }

    @Test
    void admit_activeOrDone_asksTheWrappedGate() {
        store.create(campaign);
        LifecycleGate windowed = new LifecycleGate(
                store, (c, now) -> new CampaignGate.Decision.Held(), clock, LifecycleGate.DEFAULT_TTL);

        assertThat(windowed.admit(campaign, clock.instant())).isEqualTo(new CampaignGate.Decision.Held());
        lifecycle.move("first", CampaignState.DONE, "breach-notice", "");
        clock.advance(LifecycleGate.DEFAULT_TTL);
        assertThat(gate.admit(campaign, clock.instant())).isEqualTo(new CampaignGate.Decision.Open());
    }
}
