package com.breachnotice.core.sending;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.Channel;
import java.time.Instant;

/**
 * Whether a campaign's jobs may be claimed and sent now: asked before each job's claim, so a
 * paused or cancelled campaign stops at the next job. Gates compose: {@link LifecycleGate} answers
 * from the campaign's lifecycle and can wrap another gate (a send window) that it asks only when the
 * campaign is active; {@link #ALWAYS_OPEN} ends the chain.
 */
@FunctionalInterface
public interface CampaignGate {

    CampaignGate ALWAYS_OPEN = (campaign, now) -> new Decision.Open();

    Decision admit(Campaign campaign, Instant now);

    /**
     * What the gate says of a job of the campaign on one channel. The sender asks this one; a gate
     * that does not care about the channel (the lifecycle) need not implement it.
     */
    default Decision admit(Campaign campaign, Channel channel, Instant now) {
        return admit(campaign, now);
    }

    /** What the gate says of a job of the campaign. */
    sealed interface Decision {
        /** Claim and send. */
        record Open() implements Decision {}

        /** Not now (paused): nothing is claimed; the job comes back later. */
        record Held() implements Decision {}

        /**
         * Never (cancelled): nothing is sent; the job's unsent deliveries are recorded
         * {@code cancelled} with this reason.
         */
        record Closed(String reason) implements Decision {}
    }
}
