package com.breachnotice.core.sending;

import com.breachnotice.core.campaign.Channel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Additive increase, multiplicative decrease of the rate one instance reserves at, per campaign and
 * channel: a throttled call takes a tenth off it (down to a twentieth of the campaign's rate), each
 * clean call gives back a fiftieth. The schedule is shared, so an instance reserving at a lower rate
 * spaces every later reservation of every instance: the whole fleet slows down, with no extra
 * request. The decrease is gentle because the schedule, not this factor, keeps the fleet under the
 * rate: a throttle means one provider window held a little more than the schedule's share (a bulk
 * call of 50 lands whole in one second), and halving for it slowed every sender for many calls.
 *
 * <p>Reservations are made at {@value #HEADROOM} of the campaign's rate: a send goes out a few
 * milliseconds after its turn (scheduling, network), and at exactly the rate one late call and one
 * on time would put one call too many into some one-second window. With that headroom, calls late
 * by up to {@code 1 / HEADROOM - 1} seconds (20 ms) never do: {@link SendSchedule#LATE} is derived
 * from it, and a sender later than that reserves a new turn instead.
 */
public final class AdaptiveRate {

    static final double FLOOR = 0.05;
    static final double STEP = 0.02;
    static final double HEADROOM = 0.98;

    /** What a throttled call multiplies this instance's rate by. */
    static final double DECREASE = 0.9;

    private final Map<String, Double> factors = new ConcurrentHashMap<>();

    double rate(String campaignId, Channel channel, int configured) {
        return configured * HEADROOM * factors.getOrDefault(key(campaignId, channel), 1.0);
    }

    void throttled(String campaignId, Channel channel) {
        factors.merge(key(campaignId, channel), DECREASE, (old, cut) -> Math.max(FLOOR, old * cut));
    }

    void succeeded(String campaignId, Channel channel) {
        factors.computeIfPresent(key(campaignId, channel), (k, old) -> old + STEP >= 1.0 ? null : old + STEP);
    }

    private static String key(String campaignId, Channel channel) {
        return campaignId + "#" + channel.code();
    }
}
