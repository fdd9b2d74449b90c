package com.breachnotice.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.cli.BreachNoticeCli;
import com.breachnotice.cli.Json;
import com.breachnotice.cli.notice.DefaultNotices;
import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.delivery.DeliveryCounts;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.planning.CampaignProgress;
import com.breachnotice.core.planning.PlanProgress;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The terminal test of {@code campaign status --watch}: a fake progress source advances a campaign
 * of 1,000 deliveries to done; the bars render, the rate and ETA follow the readings, and the
 * command ends on done. The wait between readings is a step of a fake clock, never a sleep.
 */
class StatusWatchTest {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final SteppingClock clock = new SteppingClock();
    private final List<Duration> pauses = new ArrayList<>();

    @Test
    void watch_advancesToDone_barsRenderAndTheCommandEnds() {
        StatusCommand status =
                parsed("campaign", "status", "first", "--outputs", "unused.json", "--watch", "--interval", "10");

        int exit = status.show(readings(), new PrintWriter(out, true));

        assertThat(exit).isZero();
        String shown = out.toString();
        // Four readings, three waits of the interval, and the end at done.
        assertThat(pauses).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(shown).contains("deliveries", "%", "sent 400", "planning 2/4");
        // 0 -> 400 in 10 s: 40/s, 600 pending: ETA 15 s.
        assertThat(shown).contains("40.0/s", "ETA 15 s");
        assertThat(shown).contains("100%", "ETA done");
        assertThat(shown).contains("finished: every planned delivery reached a terminal state");
    }

    @Test
    void watch_json_oneLinePerReadingAndNothingElse() throws Exception {
        StatusCommand status = parsed("campaign", "status", "first", "--outputs", "unused.json", "--watch", "--json");

        assertThat(status.show(readings(), new PrintWriter(out, true))).isZero();

        String[] lines = out.toString().strip().split("\n");
        assertThat(lines).hasSize(4);
        List<JsonNode> objects = new ArrayList<>();
        for (String line : lines) {
            objects.add(Json.mapper().readTree(line));
        }
        assertThat(objects.get(0).at("/progress/deliveries/per_second").isNull())
                .isTrue();
        assertThat(objects.get(2).at("/progress/deliveries/per_second").asDouble())
                .isEqualTo(12.0); // 60 more in the default 5 s
        assertThat(objects.get(3).get("finished").asBoolean()).isTrue();
        assertThat(objects.get(3).at("/deliveries/sent").asLong()).isEqualTo(990);
        assertThat(objects.get(3).at("/deliveries/failed").asLong()).isEqualTo(10);
    }

    @Test
    void status_json_withoutWatch_oneObject() throws Exception {
        StatusCommand status = parsed("campaign", "status", "first", "--outputs", "unused.json", "--json");

        assertThat(status.show(readings(), new PrintWriter(out, true))).isZero();

        assertThat(out.toString().strip().split("\n")).hasSize(1);
        assertThat(Json.mapper().readTree(out.toString()).get("campaign").asText())
                .isEqualTo("first");
    }

    /** Four readings, one per call, each after the clock moved on by the interval. */
    private StatusWatch.Source readings() {
        Campaign campaign =
                new Campaign("first", "First notice", ChannelPolicy.EMAIL_FIRST, T0, DefaultNotices.firstNotice());
        List<CampaignProgress> steps = List.of(
                progress(1000, 2, 4, 0, 0),
                progress(1000, 4, 4, 400, 0),
                progress(1000, 4, 4, 460, 0),
                progress(1000, 4, 4, 990, 10));
        int[] next = {0};
        return () -> new CampaignStatus(campaign, steps.get(Math.min(next[0]++, steps.size() - 1)));
    }

    private static CampaignProgress progress(long planned, int done, int total, long sent, long failed) {
        return new CampaignProgress(
                new PlanProgress(planned, done, total),
                DeliveryCounts.of(Map.of(DeliveryStatus.SENT, sent, DeliveryStatus.FAILED, failed)));
    }

    private StatusCommand parsed(String... args) {
        CommandLine.ParseResult parsed = BreachNoticeCli.commandLine(
                        new PrintWriter(out, true), new PrintWriter(err, true))
                .parseArgs(args);
        StatusCommand status =
                parsed.subcommand().subcommand().commandSpec().commandLine().getCommand();
        status.clock = clock;
        status.pause = interval -> {
            pauses.add(interval);
            clock.now = clock.now.plus(interval);
        };
        status.bars = () -> StatusWatch.lineBars(new PrintWriter(out, true));
        return status;
    }

    private static final class SteppingClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
