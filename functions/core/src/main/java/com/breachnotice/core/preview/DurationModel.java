package com.breachnotice.core.preview;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.SendWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a channel of a campaign sends: its units (emails, or SMS parts) at its rate, only while
 * its send window is open. Planning and the queues run far ahead of the rate, so the rate is the
 * bound (bench/scale measured the email stage within 9% of it at 1,000/s).
 */
public final class DurationModel {

    private DurationModel() {}

    /**
     * @param sending time spent sending at the rate
     * @param elapsed from the start to the last send, windows closed included
     */
    public record ChannelDuration(
            Channel channel,
            long units,
            long perSecond,
            Optional<SendWindow> window,
            Duration sending,
            Duration elapsed) {}

    public static ChannelDuration of(
            Channel channel, long units, long perSecond, Optional<SendWindow> window, Instant start) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("a rate is at least 1 per second");
        }
        Duration sending = Duration.ofSeconds((units + perSecond - 1) / perSecond);
        Duration elapsed = window.map(w -> Duration.between(start, w.finishAfter(start, sending)))
                .orElse(sending);
        if (units == 0) {
            elapsed = Duration.ZERO;
        }
        return new ChannelDuration(channel, units, perSecond, window, sending, elapsed);
    }
}
