package com.breachnotice.cli.demo;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/**
 * One progress line on the terminal: rewritten in place on a console, or printed as a new line at
 * most every {@value #PLAIN_EVERY_SECONDS} seconds when the output is a file or a pipe.
 */
final class ProgressLine {

    static final long PLAIN_EVERY_SECONDS = 5;

    private final PrintWriter err;
    private final boolean console;
    private String last = "";
    private Instant lastPrinted = Instant.EPOCH;
    private int width;

    ProgressLine(PrintWriter err, boolean console) {
        this.err = err;
        this.console = console;
    }

    void show(String line) {
        if (line.equals(last)) {
            return;
        }
        last = line;
        if (console) {
            String padded = line.length() < width ? line + " ".repeat(width - line.length()) : line;
            width = line.length();
            err.print("\r" + padded);
            err.flush();
        } else if (Duration.between(lastPrinted, Instant.now()).toSeconds() >= PLAIN_EVERY_SECONDS) {
            lastPrinted = Instant.now();
            err.println(line);
            err.flush();
        }
    }

    /** Ends the line, showing the last state. */
    void done() {
        if (console) {
            err.println();
        } else if (!last.isEmpty()) {
            err.println(last);
        }
        err.flush();
    }
}
