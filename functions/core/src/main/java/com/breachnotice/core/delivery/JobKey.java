package com.breachnotice.core.delivery;

import com.breachnotice.core.campaign.Channel;

/**
 * One notice job of a campaign: up to 50 deliveries on one channel that are claimed, sent and
 * recorded together. The id is derived from the job's content, so a plan task that is planned
 * twice yields the same jobs, and their claims collide instead of sending twice.
 */
public record JobKey(String campaignId, Channel channel, String id) {

    public JobKey {
        if (id.isBlank() || id.contains("#")) {
            throw new IllegalArgumentException("a job id is non-blank and has no '#'");
        }
    }

    /** The sort key of the job's entry beside its campaign: {@code job#<channel>#<id>}. */
    public String entry() {
        return "job#" + channel.code() + "#" + id;
    }
}
