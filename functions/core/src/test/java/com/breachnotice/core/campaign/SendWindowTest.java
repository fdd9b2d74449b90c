package com.breachnotice.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SendWindowTest {

    // Asia/Seoul has had no daylight saving time since 1988: UTC+9 all year.
    private static final SendWindow SEOUL = SendWindow.parse("08:00-21:00");

    @Test
    void parse_withoutZone_seoul() {
        assertThat(SEOUL).isEqualTo(SendWindow.SMS_DEFAULT);
        assertThat(SEOUL.code()).isEqualTo("08:00-21:00@Asia/Seoul");
        assertThat(SendWindow.parse("8:30-17:00@Europe/Berlin"))
                .isEqualTo(new SendWindow(LocalTime.of(8, 30), LocalTime.of(17, 0), ZoneId.of("Europe/Berlin")));
        assertThat(SendWindow.parse(SEOUL.code())).isEqualTo(SEOUL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "8-21", "08:00", "25:00-21:00", "08:00-08:00", "08:00-21:00@Mars/Olympus"})
    void parse_bad_refusedWithReason(String raw) {
        assertThatThrownBy(() -> SendWindow.parse(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("send window");
    }

    @Test
    void isOpen_seoulDay_byLocalTime() {
        // 07:59 KST = 22:59 UTC the day before.
        assertThat(SEOUL.isOpen(Instant.parse("2026-12-02T22:59:59Z"))).isFalse();
        assertThat(SEOUL.isOpen(Instant.parse("2026-12-02T23:00:00Z"))).isTrue();
        assertThat(SEOUL.isOpen(Instant.parse("2026-12-03T11:59:59Z"))).isTrue();
        assertThat(SEOUL.isOpen(Instant.parse("2026-12-03T12:00:00Z"))).isFalse();
    }

    @Test
    void nextOpening_closedEvening_nextMorning() {
        Instant evening = Instant.parse("2026-12-03T13:00:00Z"); // 22:00 KST
        assertThat(SEOUL.nextOpening(evening)).isEqualTo(Instant.parse("2026-12-03T23:00:00Z"));
        Instant open = Instant.parse("2026-12-03T01:00:00Z");
        assertThat(SEOUL.nextOpening(open)).isEqualTo(open);
        assertThat(SEOUL.nextClosing(open)).isEqualTo(Instant.parse("2026-12-03T12:00:00Z"));
    }

    @Test
    void crossingMidnight_openAtNight() {
        SendWindow night = SendWindow.parse("22:00-06:00@UTC");
        assertThat(night.crossesMidnight()).isTrue();
        assertThat(night.openPerDay()).isEqualTo(Duration.ofHours(8));
        assertThat(night.isOpen(Instant.parse("2026-12-03T23:30:00Z"))).isTrue();
        assertThat(night.isOpen(Instant.parse("2026-12-04T05:59:00Z"))).isTrue();
        assertThat(night.isOpen(Instant.parse("2026-12-04T06:00:00Z"))).isFalse();
        assertThat(night.nextOpening(Instant.parse("2026-12-04T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-04T22:00:00Z"));
        assertThat(night.nextClosing(Instant.parse("2026-12-03T23:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-04T06:00:00Z"));
    }

    @Test
    void finishAfter_spansDays() {
        // 13 open hours a day; 30 hours of sending from 08:00 KST = 2 full days + 4 h on the third.
        Instant start = Instant.parse("2026-12-02T23:00:00Z");
        assertThat(SEOUL.openPerDay()).isEqualTo(Duration.ofHours(13));
        assertThat(SEOUL.finishAfter(start, Duration.ofHours(30)))
                .isEqualTo(Instant.parse("2026-12-05T03:00:00Z")); // 12:00 KST on the 5th
        // Started at night, it waits for the morning.
        assertThat(SEOUL.finishAfter(Instant.parse("2026-12-03T14:00:00Z"), Duration.ofMinutes(10)))
                .isEqualTo(Instant.parse("2026-12-03T23:10:00Z"));
    }

    @Test
    void daylightSavingZone_sameLocalHours_changingLength() {
        SendWindow berlin = SendWindow.parse("08:00-21:00@Europe/Berlin");
        // Winter, UTC+1: opens 07:00 UTC. Summer, UTC+2: opens 06:00 UTC.
        assertThat(berlin.nextOpening(Instant.parse("2026-01-15T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-15T07:00:00Z"));
        assertThat(berlin.nextOpening(Instant.parse("2026-07-15T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-07-15T06:00:00Z"));
        // A night window across the spring change (29 March 2026, 02:00 -> 03:00) is an hour shorter.
        SendWindow night = SendWindow.parse("22:00-06:00@Europe/Berlin");
        Instant opened = night.nextOpening(Instant.parse("2026-03-28T12:00:00Z"));
        assertThat(opened).isEqualTo(Instant.parse("2026-03-28T21:00:00Z"));
        assertThat(Duration.between(opened, night.nextClosing(opened))).isEqualTo(Duration.ofHours(7));
        assertThat(night.isOpen(Instant.parse("2026-03-29T01:30:00Z"))).isTrue(); // 03:30 CEST
    }
}
