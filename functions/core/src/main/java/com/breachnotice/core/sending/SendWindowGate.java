package com.breachnotice.core.sending;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.SendWindow;
import java.time.Instant;
import java.util.Optional;

/**
 * Holds a campaign's jobs of a channel outside that channel's {@link SendWindow}, as a pause would,
 * after asking the gate it wraps (a cancelled campaign stays closed at any hour). A job is checked
 * when it is claimed: one that starts just before the window closes is sent to its end (a job is at
 * most 50 messages, seconds of sending).
 */
public final class SendWindowGate implements CampaignGate {

    private final CampaignGate inner;

    public SendWindowGate(CampaignGate inner) {
        this.inner = inner;
    }

    /** Without a channel there is no window to apply: the wrapped gate decides alone. */
    @Override
    public Decision admit(Campaign campaign, Instant now) {
        return inner.admit(campaign, now);
    }

    @Override
    public Decision admit(Campaign campaign, Channel channel, Instant now) {
        Decision decision = inner.admit(campaign, channel, now);
        if (!(decision instanceof Decision.Open)) {
            return decision;
        }
        Optional<SendWindow> window = campaign.windows().of(channel);
        return window.isPresent() && !window.get().isOpen(now) ? new Decision.Held() : decision;
    }
}
