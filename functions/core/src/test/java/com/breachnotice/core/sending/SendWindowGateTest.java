package com.breachnotice.core.sending;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.campaign.SendWindow;
import com.breachnotice.core.campaign.SendWindows;
import com.breachnotice.core.testing.Fixtures;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SendWindowGateTest {

    private static final Instant NIGHT_IN_SEOUL = Instant.parse("2026-12-03T14:00:00Z"); // 23:00 KST
    private static final Instant DAY_IN_SEOUL = Instant.parse("2026-12-03T02:00:00Z"); // 11:00 KST

    private final Campaign campaign =
            Fixtures.campaign("first", ChannelPolicy.BOTH).withWindows(SendWindows.DEFAULT);

    @Test
    void admit_smsOutsideWindow_held() {
        var gate = new SendWindowGate(CampaignGate.ALWAYS_OPEN);

        assertThat(gate.admit(campaign, Channel.SMS, NIGHT_IN_SEOUL)).isInstanceOf(CampaignGate.Decision.Held.class);
        assertThat(gate.admit(campaign, Channel.SMS, DAY_IN_SEOUL)).isInstanceOf(CampaignGate.Decision.Open.class);
        // Email has no window by default.
        assertThat(gate.admit(campaign, Channel.EMAIL, NIGHT_IN_SEOUL)).isInstanceOf(CampaignGate.Decision.Open.class);
    }

    @Test
    void admit_emailWindow_heldOutside() {
        var withEmail = campaign.withWindows(
                new SendWindows(Optional.of(SendWindow.parse("09:00-18:00@UTC")), Optional.empty()));
        var gate = new SendWindowGate(CampaignGate.ALWAYS_OPEN);

        assertThat(gate.admit(withEmail, Channel.EMAIL, Instant.parse("2026-12-03T08:59:00Z")))
                .isInstanceOf(CampaignGate.Decision.Held.class);
        assertThat(gate.admit(withEmail, Channel.SMS, NIGHT_IN_SEOUL)).isInstanceOf(CampaignGate.Decision.Open.class);
    }

    @Test
    void admit_innerClosed_staysClosedInsideWindow() {
        CampaignGate cancelled = (c, now) -> new CampaignGate.Decision.Closed("cancelled by the operator");
        var gate = new SendWindowGate(cancelled);

        assertThat(gate.admit(campaign, Channel.SMS, DAY_IN_SEOUL)).isInstanceOf(CampaignGate.Decision.Closed.class);
        assertThat(gate.admit(campaign, Channel.SMS, NIGHT_IN_SEOUL)).isInstanceOf(CampaignGate.Decision.Closed.class);
        assertThat(gate.admit(campaign, DAY_IN_SEOUL)).isInstanceOf(CampaignGate.Decision.Closed.class);
    }

    @Test
    void admit_storedWithoutWindows_alwaysOpen() {
        var gate = new SendWindowGate(CampaignGate.ALWAYS_OPEN);
        Campaign old = Fixtures.campaign("old", ChannelPolicy.BOTH);

        assertThat(old.windows()).isEqualTo(SendWindows.ALWAYS);
        assertThat(gate.admit(old, Channel.SMS, NIGHT_IN_SEOUL)).isInstanceOf(CampaignGate.Decision.Open.class);
    }
}
