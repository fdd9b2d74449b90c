package com.breachnotice.core.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.metrics.MetricNames;
import com.breachnotice.core.metrics.RecordingMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lookup's outcomes reach its breakers through the counts it already makes. */
class BreakerWatchTest {

    private final LookupFixture world = new LookupFixture();
    private final List<String> asked = new ArrayList<>();
    private final RecordingMetrics published = new RecordingMetrics();
    private final BreakerWatch watch = BreakerWatch.standard(published, asked::add, world.clock);

    @Test
    void count_passesEveryCountOn() {
        watch.count(MetricNames.VERIFICATIONS, MetricNames.OUTCOME, "wrong_code");
        watch.count(MetricNames.CODES_NOT_SENT, MetricNames.REASON, "busy");

        assertThat(published.counts())
                .containsExactly(
                        new RecordingMetrics.Count(MetricNames.VERIFICATIONS, MetricNames.OUTCOME, "wrong_code"),
                        new RecordingMetrics.Count(MetricNames.CODES_NOT_SENT, MetricNames.REASON, "busy"));
    }

    @Test
    void count_aWaveOfWrongCodes_turnsTheChallengeOnForVerifications() {
        for (int i = 0; i < 150; i++) {
            watch.count(MetricNames.VERIFICATIONS, MetricNames.OUTCOME, "verified");
        }
        for (int i = 0; i < 250; i++) {
            watch.count(MetricNames.VERIFICATIONS, MetricNames.OUTCOME, i % 2 == 0 ? "wrong_code" : "unknown");
        }

        assertThat(asked).containsExactly("verification");
    }

    @Test
    void count_expiredCodesAndOtherMetrics_neverTrip() {
        for (int i = 0; i < 1000; i++) {
            watch.count(MetricNames.VERIFICATIONS, MetricNames.OUTCOME, "expired");
            watch.count(MetricNames.REFERENCE_CHECKS, MetricNames.OUTCOME, "not_ours");
            watch.count(MetricNames.CODES_NOT_SENT, MetricNames.REASON, "contact_limit");
        }

        assertThat(asked).isEmpty();
    }

    @Test
    void count_requestsRefusedByTheContactLimit_turnTheChallengeOnForCodeRequests() {
        for (int i = 0; i < 100; i++) {
            watch.count(MetricNames.CODES_REQUESTED, MetricNames.OUTCOME, "started");
        }
        world.clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 100; i++) {
            watch.count(MetricNames.CODES_REQUESTED, MetricNames.OUTCOME, "contact_limit");
        }

        assertThat(asked).containsExactly("code_request");
    }

    @Test
    void lookupService_guessingThroughTheService_tripsTheVerificationBreaker() {
        LookupService service = world.serviceWithMetrics(watch);

        for (int i = 0; i < 250; i++) {
            service.verify("not-a-challenge-" + i, "000000");
        }

        assertThat(asked).containsExactly("verification");
        assertThat(published.count(MetricNames.VERIFICATIONS, "unknown")).isEqualTo(250);
    }
}
