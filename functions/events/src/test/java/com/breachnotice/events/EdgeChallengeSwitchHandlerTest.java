package com.breachnotice.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.events.CloudWatchMetricAlarmEvent;
import com.breachnotice.core.lookup.EdgeChallengeRule;
import com.breachnotice.core.lookup.EdgeChallengeSwitchService;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The edge switch's handler on the events a CloudWatch alarm's Lambda action sends (test resources
 * events/alarm, the documented shape of a metric-math alarm such as EdgeChallengeRequestedAlarm).
 */
class EdgeChallengeSwitchHandlerTest {

    /**
     * Read as Lambda's Java runtime reads an event into a class it has no special case for: Jackson,
     * unknown properties ignored (the alarm's {@code expression}, {@code label}, {@code reasonData}).
     */
    static CloudWatchMetricAlarmEvent fixture(String name) throws IOException {
        try (InputStream in =
                EdgeChallengeSwitchHandlerTest.class.getResourceAsStream("/events/alarm/" + name + ".json")) {
            return new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(in, CloudWatchMetricAlarmEvent.class);
        }
    }

    /** The rule as the adapter reports it, counting the calls. */
    private static final class CountingRule implements EdgeChallengeRule {
        private Change answer = Change.TURNED_ON;
        private int calls;

        @Override
        public Change challenge() {
            calls++;
            return answer;
        }
    }

    private final CountingRule rule = new CountingRule();
    private final EdgeChallengeSwitchHandler handler =
            new EdgeChallengeSwitchHandler(new EdgeChallengeSwitchService(rule));

    @Test
    void fixture_readsTheDocumentedShape() throws IOException {
        CloudWatchMetricAlarmEvent event = fixture("alarm");

        assertThat(event.getAlarmArn()).startsWith("arn:aws:cloudwatch:ap-northeast-2:123456789012:alarm:");
        assertThat(event.getAlarmData().getState().getValue()).isEqualTo("ALARM");
        assertThat(event.getAlarmData().getPreviousState().getValue()).isEqualTo("OK");
        assertThat(event.getAlarmData().getConfiguration().getMetrics()).hasSize(3);
    }

    @Test
    void handleRequest_alarm_turnsTheChallengeOn() throws IOException {
        handler.handleRequest(fixture("alarm"), null);

        assertThat(rule.calls).isEqualTo(1);
    }

    @Test
    void handleRequest_alarmWhileAlreadyOn_succeeds() throws IOException {
        rule.answer = EdgeChallengeRule.Change.ALREADY_ON;

        handler.handleRequest(fixture("alarm"), null);

        assertThat(rule.calls).isEqualTo(1);
    }

    @Test
    void handleRequest_ok_changesNothing() throws IOException {
        handler.handleRequest(fixture("ok"), null);

        assertThat(rule.calls).isZero();
    }

    @Test
    void handleRequest_eventWithoutState_changesNothing() {
        CloudWatchMetricAlarmEvent empty = new CloudWatchMetricAlarmEvent();
        handler.handleRequest(empty, null);
        empty.setAlarmData(new CloudWatchMetricAlarmEvent.AlarmData());
        handler.handleRequest(empty, null);
        empty.getAlarmData().setState(new CloudWatchMetricAlarmEvent.State());
        handler.handleRequest(empty, null);

        assertThat(rule.calls).isZero();
        assertThat(EdgeChallengeSwitchHandler.stateOf(null)).isEmpty();
    }

    @Test
    void handleRequest_ruleMissing_failsTheInvocation_soTheErrorsAlarmFires() throws IOException {
        rule.answer = EdgeChallengeRule.Change.RULE_MISSING;
        CloudWatchMetricAlarmEvent alarm = fixture("alarm");

        assertThatThrownBy(() -> handler.handleRequest(alarm, null))
                .isInstanceOf(EdgeChallengeSwitchHandler.RuleMissingException.class)
                .hasMessageContaining("every-post-challenge");
    }

    @Test
    void environmentConstructor_withoutTheWebAcl_namesTheMissingVariable() {
        assertThatThrownBy(() -> new EdgeChallengeSwitchHandler(Map.of())).hasMessageContaining("EDGE_WEB_ACL_ARN");
    }

    @Test
    void noArgumentConstructor_readsLambdasEnvironment() {
        assumeTrue(System.getenv("EDGE_WEB_ACL_ARN") == null, "the build's environment names no web ACL");

        assertThatThrownBy(EdgeChallengeSwitchHandler::new).hasMessageContaining("EDGE_WEB_ACL_ARN");
    }

    @Test
    void environmentConstructor_notACloudFrontWebAcl_failsAtStartUp() {
        Map<String, String> regional =
                Map.of("EDGE_WEB_ACL_ARN", "arn:aws:wafv2:ap-northeast-2:123456789012:regional/webacl/lookup/a1b2");

        assertThatThrownBy(() -> new EdgeChallengeSwitchHandler(regional))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("global/webacl");
    }

    @Test
    void environmentConstructor_wiresTheWafAdapter_andAnOkEventReachesNoWaf() throws IOException {
        // Built the production way (no WAF call is made: the client is built, never used).
        EdgeChallengeSwitchHandler wired = new EdgeChallengeSwitchHandler(Map.of(
                "EDGE_WEB_ACL_ARN",
                "arn:aws:wafv2:us-east-1:123456789012:global/webacl/breach-notice-edge-lookup/a1b2c3d4"));

        wired.handleRequest(fixture("ok"), null);
    }
}
