package com.breachnotice.core.sending;

import com.breachnotice.core.campaign.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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

    /**
     * Reserves as {@link #reserve} does, but only if the first send may go at {@code latestStart}
     * or before; otherwise reserves nothing and returns empty. A sender asks this way for turns it
     * will wait for: a turn given back unused is a hole in the rate that no one fills, and at a few
     * parts a second senders that each reserve a minute ahead and give most of it back keep the
     * schedule's end ever further from now (bench/scale/README.md, SMS on one queue).
     *
     * <p>The default is for test doubles only: it reserves first and refuses after, leaving the
     * hole. Every governor of the functions overrides it with a refusal that reserves nothing.
     */
    default Optional<Instant> reserveBy(
            String campaignId, Channel channel, int units, double perSecond, Instant now, Instant latestStart) {
        Instant start = reserve(campaignId, channel, units, perSecond, now);
        return start.isAfter(latestStart) ? Optional.empty() : Optional.of(start);
    }
}
