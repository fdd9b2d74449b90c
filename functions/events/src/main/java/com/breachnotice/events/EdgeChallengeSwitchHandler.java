package com.breachnotice.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudWatchMetricAlarmEvent;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.core.lookup.EdgeChallengeSwitchService;
import com.breachnotice.queue.LogCorrelation;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automatic edge switch: {@code EdgeChallengeRequestedAlarm} (template.yaml) invokes it directly, as
 * a CloudWatch alarm's Lambda action, when the lookup's failure-ratio breaker trips. Entering {@code
 * ALARM} turns the edge's challenge of every {@code POST /v1/*} on; any other state changes nothing.
 * CloudWatch invokes asynchronously: a failed invocation (WAF unreachable, a lasting write conflict, no
 * rule to switch) is retried by Lambda and raises {@code EdgeChallengeSwitchErrorsAlarm}. The log line
 * names the alarm's state and the outcome; the event carries no personal data, and none is logged.
 */
public final class EdgeChallengeSwitchHandler implements RequestHandler<CloudWatchMetricAlarmEvent, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeChallengeSwitchHandler.class);

    private final EdgeChallengeSwitchService edgeSwitch;

    public EdgeChallengeSwitchHandler() {
        this(EventsWiring.edgeChallengeSwitch(FunctionEnvironment.ofProcess()));
    }

    public EdgeChallengeSwitchHandler(Map<String, String> environment) {
        this(EventsWiring.edgeChallengeSwitch(new FunctionEnvironment(environment)));
    }

    EdgeChallengeSwitchHandler(EdgeChallengeSwitchService edgeSwitch) {
        this.edgeSwitch = edgeSwitch;
    }

    @Override
    public Void handleRequest(CloudWatchMetricAlarmEvent event, Context context) {
        try (LogCorrelation ids = LogCorrelation.ofRequest(context)) {
            String state = stateOf(event);
            EdgeChallengeSwitchService.Outcome outcome = edgeSwitch.alarmStateChanged(state);
            if (outcome == EdgeChallengeSwitchService.Outcome.RULE_MISSING) {
                LOG.error("edge challenge switch: alarmState={} outcome={}", state, outcome);
                throw new RuleMissingException();
            }
            LOG.info("edge challenge switch: alarmState={} outcome={}", state, outcome);
            return null;
        }
    }

    /** The state the alarm entered ({@code alarmData.state.value}); empty when the event has none. */
    static String stateOf(@Nullable CloudWatchMetricAlarmEvent event) {
        if (event == null
                || event.getAlarmData() == null
                || event.getAlarmData().getState() == null) {
            return "";
        }
        String value = event.getAlarmData().getState().getValue();
        return value == null ? "" : value;
    }

    /** The web ACL has no rule to switch: the edge stack predates the switch; the operators must act. */
    static final class RuleMissingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RuleMissingException() {
            super("the edge's web ACL has no every-post-challenge rule: update the edge stack"
                    + " (infra/edge/edge-us-east-1.yaml), or turn the challenge on by hand");
        }
    }
}
