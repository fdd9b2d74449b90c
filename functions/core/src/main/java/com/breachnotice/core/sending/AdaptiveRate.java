package com.breachnotice.core.sending;

import com.breachnotice.core.campaign.Channel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Additive increase, multiplicative decrease of the rate one instance reserves at, per campaign and
 * channel: a throttled call halves it (down to a twentieth of the campaign's rate), each clean call
 * gives back a fiftieth. The schedule is shared, so an instance reserving at a lower rate spaces
 * every later reservation of every instance: the whole fleet slows down, with no extra request.
 */
final class AdaptiveRate {

    static final double FLOOR = 0.05;
    static final double STEP = 0.02;

    private final Map<String, Double> factors = new ConcurrentHashMap<>();

    double rate(String campaignId, Channel channel, int configured) {
        return configured * factors.getOrDefault(key(campaignId, channel), 1.0);
    }

    void throttled(String campaignId, Channel channel) {
        factors.merge(key(campaignId, channel), 0.5, (old, half) -> Math.max(FLOOR, old * half));
    }

    void succeeded(String campaignId, Channel channel) {
        factors.computeIfPresent(key(campaignId, channel), (k, old) -> old + STEP >= 1.0 ? null : old + STEP);
    }

    private static String key(String campaignId, Channel channel) {
        return campaignId + "#" + channel.code();
    }
}
