package com.breachnotice.core.sending;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each send may go: the campaign's shared schedule ({@link SendGovernor}), the rate this
 * instance reserves at ({@link AdaptiveRate}) and the wait for a turn ({@link Pacer}). Listmonk's
 * campaign manager owns rate and concurrency in the same way: the channel senders only ask for
 * turns and report throttles.
 */
public final class SendSchedule {

    /**
     * How late a send may go after its turn: the lateness the reservation headroom absorbs, a second
     * stretched to {@code 1 / HEADROOM} seconds holds one second's calls at the rate (20 ms at 98%).
     * Later than that it would crowd the next turns (of this or another instance) into one second,
     * so it takes a new turn at the end of the schedule.
     */
    static final Duration LATE = Duration.ofMillis((long) Math.floor((1 / AdaptiveRate.HEADROOM - 1) * 1000));

    private final SendGovernor governor;
    private final AdaptiveRate adaptive;
    private final Pacer pacer;
    private final Clock clock;

    /** Where each schedule ended after this instance's last reservation on it. */
    private final Map<String, Instant> knownEnds = new ConcurrentHashMap<>();

    public SendSchedule(SendGovernor governor, AdaptiveRate adaptive, Pacer pacer, Clock clock) {
        this.governor = governor;
        this.adaptive = adaptive;
        this.pacer = pacer;
        this.clock = clock;
    }

    /** The rate this instance reserves the campaign's channel at now. */
    public double rate(Campaign campaign, Channel channel) {
        return adaptive.rate(campaign.id(), channel, campaign.rates().perSecond(channel));
    }

    /**
     * One reservation for several jobs of one campaign and channel: the turn of each job follows
     * the previous job's units. One turn per entry of {@code units}, in order.
     */
    public List<Instant> reserve(Campaign campaign, Channel channel, List<Integer> units) {
        double rate = rate(campaign, channel);
        int total = units.stream().mapToInt(Integer::intValue).sum();
        Instant start = governor.reserve(campaign.id(), channel, total, rate, clock.instant());
        return turns(campaign, channel, units, start, rate);
    }

    /**
     * As {@link #reserve(Campaign, Channel, List)}, but only if every turn falls at {@code latestTurn}
     * or before; otherwise nothing is reserved and the result is empty.
     */
    public Optional<List<Instant>> reserveBy(
            Campaign campaign, Channel channel, List<Integer> units, Instant latestTurn) {
        double rate = rate(campaign, channel);
        int total = units.stream().mapToInt(Integer::intValue).sum();
        int beforeLast = total - units.get(units.size() - 1);
        Instant latestStart = latestTurn.minusNanos(Math.round(beforeLast * 1e9 / rate));
        Optional<Instant> start = governor.reserveBy(campaign.id(), channel, total, rate, clock.instant(), latestStart);
        return start.map(first -> turns(campaign, channel, units, first, rate));
    }

    /** The turns of a reservation from {@code start}, one per entry of {@code units}; its end remembered. */
    private List<Instant> turns(Campaign campaign, Channel channel, List<Integer> units, Instant start, double rate) {
        List<Instant> turns = new ArrayList<>(units.size());
        long offset = 0;
        for (int n : units) {
            turns.add(after(start, offset, rate));
            offset += n;
        }
        knownEnds.merge(key(campaign, channel), after(start, offset, rate), (a, b) -> a.isAfter(b) ? a : b);
        return turns;
    }

    /**
     * Where the campaign's schedule ended after this instance's last reservation on it, when that
     * is after {@code latest}: the schedule is at least that far ahead (other instances only move
     * it on), so a reservation now could only take turns after it. Empty when not known, or not
     * that far ahead.
     */
    public Optional<Instant> knownEndAfter(Campaign campaign, Channel channel, Instant latest) {
        Instant end = knownEnds.get(key(campaign, channel));
        return end != null && end.isAfter(latest) ? Optional.of(end) : Optional.empty();
    }

    private static String key(Campaign campaign, Channel channel) {
        return campaign.id() + "#" + channel.code();
    }

    /** A fresh turn for {@code units} sends at the end of the schedule. */
    public Instant reserve(Campaign campaign, Channel channel, int units) {
        return reserve(campaign, channel, List.of(units)).get(0);
    }

    /** The turn of the send {@code offset} units after {@code start}, at {@code rate}. */
    static Instant after(Instant start, long offset, double rate) {
        return start.plusNanos(Math.round(offset * 1e9 / rate));
    }

    /** Whether it is too late to use {@code turn}: the send must take a new one. */
    public boolean missed(Instant turn) {
        return clock.instant().isAfter(turn.plus(LATE));
    }

    public void waitUntil(Instant turn) throws InterruptedException {
        pacer.waitUntil(turn);
    }

    /** A call was throttled: this instance reserves slower from now on. */
    public void throttled(Campaign campaign, Channel channel) {
        adaptive.throttled(campaign.id(), channel);
    }

    /** A call went through: this instance gives back some of the rate it gave up. */
    public void succeeded(Campaign campaign, Channel channel) {
        adaptive.succeeded(campaign.id(), channel);
    }
}
