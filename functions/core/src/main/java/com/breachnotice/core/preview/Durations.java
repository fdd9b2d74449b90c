package com.breachnotice.core.preview;

import java.time.Duration;

/** Durations as an operator reads them: {@code 27 d 20 h}, {@code 9 h 21 min}, {@code 42 s}. */
public final class Durations {

    private Durations() {}

    public static String words(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min " + seconds % 60 + " s";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h " + minutes % 60 + " min";
        }
        return hours / 24 + " d " + hours % 24 + " h";
    }
}
