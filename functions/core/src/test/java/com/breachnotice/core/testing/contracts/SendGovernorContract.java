package com.breachnotice.core.testing.contracts;

import static com.breachnotice.core.testing.contracts.ContractData.NOW;
import static com.breachnotice.core.testing.contracts.ContractData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.sending.SendGovernor;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link SendGovernor} does, run against the in-memory fake and the DynamoDB adapter. */
public abstract class SendGovernorContract {

    protected abstract SendGovernor governor();

    @Test
    void reserve_idleSchedule_startsALeadAfterNow() {
        assertThat(governor().reserve(unique("g"), Channel.EMAIL, 10, 100, NOW))
                .isEqualTo(NOW.plus(SendGovernor.IDLE_LEAD));
    }

    @Test
    void reserve_busySchedule_eachReservationStartsWhereThePreviousEnds() {
        String campaign = unique("g");
        Instant first = governor().reserve(campaign, Channel.EMAIL, 10, 100, NOW);

        Instant second = governor().reserve(campaign, Channel.EMAIL, 50, 100, NOW.plusMillis(10));
        Instant third = governor().reserve(campaign, Channel.EMAIL, 1, 100, NOW.plusMillis(20));

        assertThat(second).isEqualTo(first.plusMillis(100));
        assertThat(third).isEqualTo(second.plusMillis(500));
    }

    @Test
    void reserve_afterTheScheduleRanDry_restartsFromNow() {
        String campaign = unique("g");
        governor().reserve(campaign, Channel.EMAIL, 10, 100, NOW);
        Instant later = NOW.plus(Duration.ofSeconds(5));

        assertThat(governor().reserve(campaign, Channel.EMAIL, 10, 100, later))
                .isEqualTo(later.plus(SendGovernor.IDLE_LEAD));
    }

    @Test
    void reserve_campaignsAndChannels_eachTheirOwnSchedule() {
        String campaign = unique("g");
        governor().reserve(campaign, Channel.EMAIL, 1000, 10, NOW);

        assertThat(governor().reserve(campaign, Channel.SMS, 1, 10, NOW)).isEqualTo(NOW.plus(SendGovernor.IDLE_LEAD));
        assertThat(governor().reserve(unique("g"), Channel.EMAIL, 1, 10, NOW))
                .isEqualTo(NOW.plus(SendGovernor.IDLE_LEAD));
    }

    @Test
    void reserveBy_startWithinTheBound_reservesAsReserveDoes() {
        String campaign = unique("g");
        Instant first = governor().reserve(campaign, Channel.SMS, 100, 10, NOW);

        assertThat(governor().reserveBy(campaign, Channel.SMS, 10, 10, NOW, first.plusSeconds(10)))
                .contains(first.plusSeconds(10));
        assertThat(governor().reserve(campaign, Channel.SMS, 1, 10, NOW)).isEqualTo(first.plusSeconds(11));
    }

    @Test
    void reserveBy_scheduleEndsPastTheBound_reservesNothing() {
        String campaign = unique("g");
        Instant first = governor().reserve(campaign, Channel.SMS, 600, 10, NOW);

        assertThat(governor().reserveBy(campaign, Channel.SMS, 10, 10, NOW, NOW.plusSeconds(30)))
                .isEmpty();
        assertThat(governor().reserve(campaign, Channel.SMS, 1, 10, NOW))
                .as("the refused reservation left no hole")
                .isEqualTo(first.plusSeconds(60));
    }

    @Test
    void reserveBy_idleSchedule_startsALeadAfterNow() {
        assertThat(governor().reserveBy(unique("g"), Channel.EMAIL, 10, 100, NOW, NOW.plusSeconds(1)))
                .contains(NOW.plus(SendGovernor.IDLE_LEAD));
    }
}
