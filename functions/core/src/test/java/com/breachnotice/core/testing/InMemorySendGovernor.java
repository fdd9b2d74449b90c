package com.breachnotice.core.testing;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.sending.SendGovernor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SendGovernor} in memory with the semantics of the shared schedule (held to them by the
 * contract tests): a reservation starts where the previous one ends while that is not before now,
 * else {@link SendGovernor#IDLE_LEAD} after now. Records the reservations.
 */
public final class InMemorySendGovernor implements SendGovernor {

    public record Reservation(String campaignId, Channel channel, int units, double perSecond, Instant start) {}

    private final Map<String, Instant> next = new HashMap<>();
    private final List<Reservation> reservations = new ArrayList<>();

    @Override
    public synchronized Instant reserve(String campaignId, Channel channel, int units, double perSecond, Instant now) {
        return reserveBy(campaignId, channel, units, perSecond, now, Instant.MAX)
                .orElseThrow();
    }

    @Override
    public synchronized Optional<Instant> reserveBy(
            String campaignId, Channel channel, int units, double perSecond, Instant now, Instant latestStart) {
        String key = campaignId + "#" + channel.code();
        Instant free = next.getOrDefault(key, Instant.EPOCH);
        // At or after the schedule's end (still busy), else a lead after now (idle), as the table's.
        Instant start = free.isBefore(now) ? now.plus(IDLE_LEAD) : free;
        if (start.isAfter(latestStart)) {
            return Optional.empty();
        }
        next.put(key, start.plusNanos(Math.round(units * 1e9 / perSecond)));
        reservations.add(new Reservation(campaignId, channel, units, perSecond, start));
        return Optional.of(start);
    }

    public synchronized List<Reservation> reservations() {
        return List.copyOf(reservations);
    }
}
