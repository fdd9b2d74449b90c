package com.breachnotice.core.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.metrics.MetricNames;
import com.breachnotice.core.metrics.RecordingMetrics;
import org.junit.jupiter.api.Test;

class AlarmingEdgeChallengeSwitchTest {

    @Test
    void turnOn_countsTheRequestUnderTheMetricTheAlarmWatches() {
        RecordingMetrics metrics = new RecordingMetrics();

        new AlarmingEdgeChallengeSwitch(metrics).turnOn("verification");

        assertThat(metrics.counts())
                .containsExactly(
                        new RecordingMetrics.Count("EdgeChallengeRequested", MetricNames.REASON, "verification"));
    }
}
