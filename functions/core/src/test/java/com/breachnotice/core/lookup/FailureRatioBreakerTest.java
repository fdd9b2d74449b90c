package com.breachnotice.core.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureRatioBreakerTest {

    /** 60 s in 6 buckets of 10 s, at least 20 outcomes, half failed; asks again after 2 minutes. */
    private static final FailureRatioBreaker.Settings SETTINGS =
            new FailureRatioBreaker.Settings(Duration.ofSeconds(60), 6, 20, 0.5, Duration.ofMinutes(2));

    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final List<String> asked = new ArrayList<>();
    private final FailureRatioBreaker breaker = new FailureRatioBreaker("verification", SETTINGS, asked::add, clock);

    private void outcomes(int failed, int succeeded) {
        for (int i = 0; i < failed; i++) {
            breaker.record(true);
        }
        for (int i = 0; i < succeeded; i++) {
            breaker.record(false);
        }
    }

    @Test
    void record_everyOutcomeFailedButBelowTheMinimumVolume_doesNotTrip() {
        outcomes(19, 0);

        assertThat(asked).isEmpty();
        assertThat(breaker.ratio()).isZero();
    }

    @Test
    void record_ratioReachesTheThresholdAtVolume_turnsTheChallengeOnOnceWithItsName() {
        outcomes(0, 10);
        outcomes(9, 0);
        assertThat(asked).isEmpty();

        outcomes(1, 0); // 10 of 20: at the threshold

        assertThat(asked).containsExactly("verification");
        assertThat(breaker.ratio()).isEqualTo(0.5);
    }

    @Test
    void record_ordinaryMistypingOnNoticeDay_neverTrips() {
        for (int minute = 0; minute < 30; minute++) {
            for (int i = 0; i < 20; i++) {
                outcomes(1, 4); // 20 % wrong codes, every minute for half an hour
            }
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(asked).isEmpty();
    }

    @Test
    void record_whileTheRatioStaysHigh_asksAgainOnlyAfterTheReaskPeriod() {
        outcomes(30, 0);
        assertThat(asked).hasSize(1);

        clock.advance(Duration.ofSeconds(100));
        outcomes(30, 0);
        assertThat(asked).as("within the re-ask period").hasSize(1);

        clock.advance(Duration.ofSeconds(21));
        outcomes(1, 0);
        assertThat(asked)
                .as("2 minutes after the first ask, failures still in the window")
                .hasSize(2);
    }

    @Test
    void record_failuresOlderThanTheWindow_slideOutAndNoLongerCount() {
        outcomes(15, 0); // below the volume: nothing yet
        clock.advance(Duration.ofSeconds(61));

        outcomes(5, 15); // 5 of 20 in the window; the 15 old failures no longer count

        assertThat(asked).isEmpty();
        assertThat(breaker.ratio()).isEqualTo(0.25);
    }

    @Test
    void record_failuresInEarlierBucketsOfTheWindow_stillCount() {
        outcomes(8, 0);
        clock.advance(Duration.ofSeconds(20));
        outcomes(8, 0);
        clock.advance(Duration.ofSeconds(20));

        outcomes(4, 0); // 20 failures across three buckets within the 60 s window

        assertThat(asked).containsExactly("verification");
    }

    @Test
    void settings_outOfRange_refused() {
        assertThatThrownBy(() -> new FailureRatioBreaker.Settings(Duration.ZERO, 1, 1, 0.5, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailureRatioBreaker.Settings(Duration.ofMinutes(1), 6, 0, 0.5, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailureRatioBreaker.Settings(Duration.ofMinutes(1), 6, 1, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailureRatioBreaker.Settings(Duration.ofMinutes(1), 6, 1, 1.5, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new FailureRatioBreaker.Settings(Duration.ofMinutes(1), 6, 1, 0.5, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
