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
import org.junit.jupiter.api.Test;

class SendScheduleTest {

    private final MutableClock clock = new MutableClock(Fixtures.T0);
    private final InMemorySendGovernor governor = new InMemorySendGovernor();
    private final List<Instant> waited = new ArrayList<>();
    private final SendSchedule schedule = new SendSchedule(governor, new AdaptiveRate(), waited::add, clock);
    private final Campaign campaign =
            Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST).withRates(new SendRates(100, 10));

    @Test
    void rate_isTheCampaignsRateWithFivePercentHeadroom() {
        assertThat(schedule.rate(campaign, Channel.EMAIL)).isEqualTo(95.0);
        assertThat(schedule.rate(campaign, Channel.SMS)).isEqualTo(9.5);
    }

    @Test
    void rate_throttledHalvesDownToAFloor_eachCleanCallGivesBackAFiftieth() {
        schedule.throttled(campaign, Channel.EMAIL);
        assertThat(schedule.rate(campaign, Channel.EMAIL)).isEqualTo(47.5);
        schedule.succeeded(campaign, Channel.EMAIL);
        assertThat(schedule.rate(campaign, Channel.EMAIL))
                .isCloseTo(95 * 0.52, org.assertj.core.data.Offset.offset(1e-9));
        for (int i = 0; i < 10; i++) {
            schedule.throttled(campaign, Channel.EMAIL);
        }
        assertThat(schedule.rate(campaign, Channel.EMAIL))
                .isCloseTo(95 * 0.05, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(schedule.rate(campaign, Channel.SMS)).isEqualTo(9.5);
    }

    @Test
    void reserve_severalJobs_oneReservationEachTurnAfterThePreviousJobsUnits() {
        List<Instant> turns = schedule.reserve(campaign, Channel.EMAIL, List.of(50, 19, 1));

        assertThat(governor.reservations()).singleElement().satisfies(r -> {
            assertThat(r.units()).isEqualTo(70);
            assertThat(r.perSecond()).isEqualTo(95.0);
        });
        Instant start = Fixtures.T0.plus(SendGovernor.IDLE_LEAD);
        assertThat(turns)
                .containsExactly(start, start.plusNanos(Math.round(50e9 / 95)), start.plusNanos(Math.round(69e9 / 95)));
        assertThat(schedule.reserve(campaign, Channel.EMAIL, 5)).isEqualTo(start.plusNanos(Math.round(70e9 / 95)));
    }

    @Test
    void missed_onlyWhenMoreThanFiftyMillisecondsLate() {
        Instant turn = Fixtures.T0;
        clock.advance(Duration.ofMillis(50));
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
