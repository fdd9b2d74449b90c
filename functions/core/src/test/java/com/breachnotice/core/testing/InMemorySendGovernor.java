package com.breachnotice.core.testing;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.sending.SendGovernor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link SendGovernor} in memory with the semantics of the shared schedule: each reservation starts
 * at the later of now and the end of the previous one. Records the reservations.
 */
public final class InMemorySendGovernor implements SendGovernor {

    public record Reservation(String campaignId, Channel channel, int units, double perSecond, Instant start) {}

    private final Map<String, Instant> next = new HashMap<>();
    private final List<Reservation> reservations = new ArrayList<>();

    @Override
    public synchronized Instant reserve(String campaignId, Channel channel, int units, double perSecond, Instant now) {
        String key = campaignId + "#" + channel.code();
        Instant free = next.getOrDefault(key, Instant.EPOCH);
        Instant start = free.isAfter(now) ? free : now;
        next.put(key, start.plusNanos(Math.round(units * 1e9 / perSecond)));
        reservations.add(new Reservation(campaignId, channel, units, perSecond, start));
        return start;
    }

    public synchronized List<Reservation> reservations() {
        return List.copyOf(reservations);
    }
}
