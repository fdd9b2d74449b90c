package com.breachnotice.cli.campaign;

import com.breachnotice.cli.Json;
import com.breachnotice.core.preview.Durations;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * {@code campaign status --watch}: reads the campaign's status every interval and shows a bar per
 * line (me.tongfei:progressbar), the send rate since the last reading, an ETA and the counts by
 * status, until the campaign is finished (planning complete, nothing pending) or the operator
 * stops it. With {@code --json} it prints one JSON object per reading instead, and nothing else.
 * The reading, the clock and the wait are passed in, so a test runs it to the end without sleeping.
 */
final class StatusWatch {

    /** One reading of the campaign. */
    @FunctionalInterface
    interface Source {
        CampaignStatus read();
    }

    /** Waits between readings. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration interval) throws InterruptedException;

        Pause SLEEP = interval -> Thread.sleep(interval.toMillis());
    }

    /** Where the bars go: a terminal that redraws them in place, or lines for a pipe or a test. */
    static ProgressBarConsumer terminalBars(PrintStream terminal) {
        return new InteractiveConsoleProgressBarConsumer(terminal);
    }

    static ProgressBarConsumer lineBars(PrintWriter out) {
        return new DelegatingProgressBarConsumer(out::println, 160);
    }

    /** Makes the consumer of each new bar. */
    @FunctionalInterface
    interface Bars {
        ProgressBarConsumer consumer();
    }

    /**
     * What one bar shows. Until progress is counted per channel this is one line for all channels;
     * {@link #lines} is the one place that maps a status to bars.
     */
    record Line(String name, long planned, long sent, long failed, long pending) {
        long done() {
            return sent + failed;
        }
    }

    static List<Line> lines(CampaignStatus status) {
        return List.of(new Line("deliveries", status.planned(), status.sent(), status.failed(), status.pending()));
    }

    private final Source source;
    private final Pause pause;
    private final Clock clock;
    private final Duration interval;
    private final PrintWriter out;
    private final boolean json;
    private final Bars bars;
    private final Map<String, ProgressBar> open = new LinkedHashMap<>();
    private final Map<String, Long> lastDone = new LinkedHashMap<>();
    private @Nullable Instant lastAt;

    StatusWatch(Source source, Pause pause, Clock clock, Duration interval, PrintWriter out, boolean json, Bars bars) {
        this.source = source;
        this.pause = pause;
        this.clock = clock;
        this.interval = interval;
        this.out = out;
        this.json = json;
        this.bars = bars;
    }

    /** Watches until the campaign is finished; returns its last status. */
    CampaignStatus run() throws InterruptedException {
        try {
            while (true) {
                CampaignStatus status = source.read();
                Instant now = clock.instant();
                show(status, now);
                if (status.progress().finished()) {
                    return status;
                }
                pause.pause(interval);
            }
        } finally {
            open.values().forEach(ProgressBar::close);
            open.clear();
        }
    }

    private void show(CampaignStatus status, Instant now) {
        List<Line> lines = lines(status);
        Map<String, Object> perLine = new LinkedHashMap<>();
        for (Line line : lines) {
            Optional<Double> rate = rate(line, now);
            Optional<Duration> eta =
                    rate.filter(r -> r > 0).map(r -> Duration.ofSeconds((long) Math.ceil(line.pending() / r)));
            if (json) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("planned", line.planned());
                entry.put("sent", line.sent());
                entry.put("failed", line.failed());
                entry.put("pending", line.pending());
                entry.put("per_second", rate.map(r -> Math.round(r * 10) / 10.0).orElse(null));
                entry.put("eta_seconds", eta.map(Duration::toSeconds).orElse(null));
                perLine.put(line.name(), entry);
            } else {
                ProgressBar bar = open.computeIfAbsent(
                        line.name(),
                        name -> new ProgressBarBuilder()
                                .setTaskName(name)
                                .setInitialMax(Math.max(1, line.planned()))
                                .setStyle(ProgressBarStyle.ASCII)
                                .setUpdateIntervalMillis((int) Math.min(Integer.MAX_VALUE, interval.toMillis()))
                                .hideEta()
                                .continuousUpdate()
                                .setConsumer(bars.consumer())
                                .build());
                bar.maxHint(Math.max(1, line.planned()));
                bar.stepTo(line.done());
                bar.setExtraMessage(planning(status)
                        + String.format(
                                Locale.ROOT,
                                "sent %,d · failed %,d · pending %,d · %s · ETA %s",
                                line.sent(),
                                line.failed(),
                                line.pending(),
                                rate.map(r -> String.format(Locale.ROOT, "%.1f/s", r))
                                        .orElse("-/s"),
                                line.pending() == 0
                                        ? "done"
                                        : eta.map(Durations::words).orElse("-")));
                bar.refresh();
            }
            lastDone.put(line.name(), line.done());
        }
        lastAt = now;
        if (json) {
            Map<String, Object> object = status.json();
            object.put("at", now.toString());
            object.put("progress", perLine);
            out.println(Json.line(object));
        }
        out.flush();
    }

    private static String planning(CampaignStatus status) {
        var plan = status.progress().plan();
        return plan.complete() ? "" : "planning " + plan.segmentsDone() + "/" + plan.totalSegments() + " · ";
    }

    private Optional<Double> rate(Line line, Instant now) {
        Long before = lastDone.get(line.name());
        Instant at = lastAt;
        if (before == null || at == null || !now.isAfter(at)) {
            return Optional.empty();
        }
        double seconds = Duration.between(at, now).toMillis() / 1000.0;
        return Optional.of((line.done() - before) / seconds);
    }
}
