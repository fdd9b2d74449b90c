package com.breachnotice.core.sending;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.campaign.SendRates;
import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.core.testing.InMemorySendGovernor;
import com.breachnotice.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SendScheduleTest {

    private final MutableClock clock = new MutableClock(Fixtures.T0);
    private final InMemorySendGovernor governor = new InMemorySendGovernor();
    private final List<Instant> waited = new ArrayList<>();
    private final SendSchedule schedule = new SendSchedule(governor, new AdaptiveRate(), waited::add, clock);
    private final Campaign campaign =
            Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST).withRates(new SendRates(100, 10));

    /** The rate reserved at when nothing was throttled: the campaign's, less the headroom. */
    private static final double EMAIL_RATE = 100 * AdaptiveRate.HEADROOM;

    private static final Offset<Double> EXACT = Offset.offset(1e-9);

    @Test
    void rate_isTheCampaignsRateLessTheHeadroom() {
        assertThat(AdaptiveRate.HEADROOM).isBetween(0.9, 1.0);
        assertThat(schedule.rate(campaign, Channel.EMAIL)).isCloseTo(EMAIL_RATE, EXACT);
        assertThat(schedule.rate(campaign, Channel.SMS)).isCloseTo(10 * AdaptiveRate.HEADROOM, EXACT);
    }

    @Test
    void rate_throttledCutsByTheDecreaseDownToAFloor_eachCleanCallGivesBackAFiftieth() {
        schedule.throttled(campaign, Channel.EMAIL);
        double cut = AdaptiveRate.DECREASE;
        assertThat(schedule.rate(campaign, Channel.EMAIL)).isCloseTo(EMAIL_RATE * cut, EXACT);
        schedule.succeeded(campaign, Channel.EMAIL);
        assertThat(schedule.rate(campaign, Channel.EMAIL)).isCloseTo(EMAIL_RATE * (cut + 0.02), EXACT);
        for (int i = 0; i < 100; i++) {
            schedule.throttled(campaign, Channel.EMAIL);
        }
        assertThat(schedule.rate(campaign, Channel.EMAIL)).isCloseTo(EMAIL_RATE * 0.05, EXACT);
        assertThat(schedule.rate(campaign, Channel.SMS)).isCloseTo(10 * AdaptiveRate.HEADROOM, EXACT);
    }

    @Test
    void late_isWhatTheHeadroomAbsorbs_aSecondAndTheLatenessHoldAtMostTheRate() {
        double stretched = 1 + SendSchedule.LATE.toNanos() / 1e9;
        assertThat(stretched * AdaptiveRate.HEADROOM).isLessThanOrEqualTo(1.0);
        assertThat(SendSchedule.LATE).isPositive();
    }

    @Test
    void reserve_severalJobs_oneReservationEachTurnAfterThePreviousJobsUnits() {
        List<Instant> turns = schedule.reserve(campaign, Channel.EMAIL, List.of(50, 19, 1));

        assertThat(governor.reservations()).singleElement().satisfies(r -> {
            assertThat(r.units()).isEqualTo(70);
            assertThat(r.perSecond()).isCloseTo(EMAIL_RATE, EXACT);
        });
        Instant start = Fixtures.T0.plus(SendGovernor.IDLE_LEAD);
        double rate = schedule.rate(campaign, Channel.EMAIL);
        assertThat(turns)
                .containsExactly(
                        start, start.plusNanos(Math.round(50e9 / rate)), start.plusNanos(Math.round(69e9 / rate)));
        assertThat(schedule.reserve(campaign, Channel.EMAIL, 5)).isEqualTo(start.plusNanos(Math.round(70e9 / rate)));
    }

    @Test
    void missed_onlyWhenLaterThanLate() {
        Instant turn = Fixtures.T0;
        clock.advance(SendSchedule.LATE);
        assertThat(schedule.missed(turn)).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(schedule.missed(turn)).isTrue();
    }

    @Test
    void waitUntil_asksThePacer() throws InterruptedException {
        schedule.waitUntil(Fixtures.T0.plusSeconds(3));
        assertThat(waited).containsExactly(Fixtures.T0.plusSeconds(3));
    }
}
