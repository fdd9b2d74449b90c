package com.breachnotice.core.campaign;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hours of the day, in one zone, during which a channel may send: {@code 08:00-21:00@Asia/Seoul}.
 * A window whose end is before its start crosses midnight ({@code 22:00-06:00} is open at night).
 * Outside it a campaign's jobs wait, as when paused. Times are wall-clock times of the zone, so a
 * window in a zone with daylight saving time stays at the same local hours all year (its length in
 * seconds changes on the days the clocks move).
 */
public record SendWindow(LocalTime opens, LocalTime closes, ZoneId zone) {

    /** Where the retailer's customers are: SMS defaults to 08:00-21:00 Korean time. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Seoul");

    /** The default for SMS: no texts in the late evening or at night, where the people are. */
    public static final SendWindow SMS_DEFAULT = new SendWindow(LocalTime.of(8, 0), LocalTime.of(21, 0), DEFAULT_ZONE);

    private static final Pattern FORM =
            Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})(?:\\s*@\\s*(\\S+))?");

    // Bounds the walk over days in finishAfter: a window of one minute a day still covers a year of
    // sending in fewer steps.
    private static final int MAX_DAYS = 1_000_000;

    public SendWindow {
        if (opens.equals(closes)) {
            throw new IllegalArgumentException(
                    "a send window opens and closes at different times (leave it out for" + " always)");
        }
        opens = opens.withSecond(0).withNano(0);
        closes = closes.withSecond(0).withNano(0);
    }

    /**
     * Reads {@code HH:MM-HH:MM} or {@code HH:MM-HH:MM@Zone} (the zone an IANA name such as {@code
     * Europe/Berlin}; Asia/Seoul when left out).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static SendWindow parse(String raw) {
        Matcher m = FORM.matcher(raw.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "send window '" + raw + "': use HH:MM-HH:MM or HH:MM-HH:MM@Zone, e.g. 08:00-21:00@Asia/Seoul");
        }
        try {
            ZoneId zone = m.group(3) == null ? DEFAULT_ZONE : ZoneId.of(m.group(3));
            return new SendWindow(time(m.group(1)), time(m.group(2)), zone);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("send window '" + raw + "': not a time of day (00:00-23:59)", e);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("send window '" + raw + "': unknown time zone " + m.group(3), e);
        }
    }

    private static LocalTime time(String text) {
        return LocalTime.parse(text.length() == 4 ? "0" + text : text);
    }

    /** The form {@link #parse} reads: {@code 08:00-21:00@Asia/Seoul}. */
    public String code() {
        return opens + "-" + closes + "@" + zone.getId();
    }

    public boolean crossesMidnight() {
        return closes.isBefore(opens);
    }

    public boolean isOpen(Instant now) {
        LocalTime local = now.atZone(zone).toLocalTime();
        return crossesMidnight()
                ? !local.isBefore(opens) || local.isBefore(closes)
                : !local.isBefore(opens) && local.isBefore(closes);
    }

    /** {@code now} when the window is open, else the next time it opens. */
    public Instant nextOpening(Instant now) {
        return isOpen(now) ? now : nextAfter(now, opens);
    }

    /** The next time the window closes after {@code now}. */
    public Instant nextClosing(Instant now) {
        return nextAfter(now, closes);
    }

    /** Open time per day on a day without a clock change: 13 h for 08:00-21:00, 8 h for 22:00-06:00. */
    public Duration openPerDay() {
        Duration span = Duration.between(opens, closes);
        return span.isNegative() ? span.plusDays(1) : span;
    }

    /**
     * When {@code work} of sending time, started at {@code start}, is done if sending only goes on
     * while the window is open.
     */
    public Instant finishAfter(Instant start, Duration work) {
        Instant at = start;
        Duration left = work;
        for (int step = 0; step < MAX_DAYS * 2; step++) {
            at = nextOpening(at);
            Instant closing = nextClosing(at);
            Duration open = Duration.between(at, closing);
            if (open.compareTo(left) >= 0) {
                return at.plus(left);
            }
            left = left.minus(open);
            at = closing;
        }
        throw new IllegalArgumentException("the work does not fit in " + MAX_DAYS + " days of this window");
    }

    // The first time after now that the zone's clock shows the given time; a time skipped by a clock
    // change (02:30 on a spring-forward day) counts as the moment after the gap, as ZonedDateTime does.
    private Instant nextAfter(Instant now, LocalTime time) {
        LocalDate day = now.atZone(zone).toLocalDate();
        for (int i = 0; i < 3; i++) {
            Instant candidate = ZonedDateTime.of(day.plusDays(i), time, zone).toInstant();
            if (candidate.isAfter(now)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + time + " within two days of " + now);
    }
}
