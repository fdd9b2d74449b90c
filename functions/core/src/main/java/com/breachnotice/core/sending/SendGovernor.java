package com.breachnotice.core.sending;

import com.breachnotice.core.campaign.Channel;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps a campaign's sends on one channel within its rate across every sender instance. A sender
 * reserves the sends it is about to make and waits until the reserved time: the reservations form
 * one schedule per campaign and channel, spaced at the rate, so however many instances run, no
 * window of one second holds more than the rate (plus the jitter of the instances' clocks).
 */
public interface SendGovernor {

    /**
     * How far ahead of now an idle schedule restarts: the first sends of a fresh reservation go out
     * together with the reserving instance's other work done, not already late.
     */
    Duration IDLE_LEAD = Duration.ofMillis(100);

    /**
     * Reserves {@code units} sends (email recipients or SMS parts) at {@code perSecond}; returns
     * when the first may go. The units are spread over {@code units / perSecond} seconds from
     * there, which the next reservation starts after. An idle schedule (never used, or whose last
     * reservation ended before {@code now}) starts {@link #IDLE_LEAD} after {@code now}.
     */
    Instant reserve(String campaignId, Channel channel, int units, double perSecond, Instant now);
}
