package com.breachnotice.core.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdgeChallengeSwitchServiceTest {

    /** A rule in memory: Count until challenged. */
    private static final class InMemoryEdgeChallengeRule implements EdgeChallengeRule {
        private boolean exists = true;
        private String action = "Count";
        private final List<String> writes = new ArrayList<>();

        @Override
        public Change challenge() {
            if (!exists) {
                return Change.RULE_MISSING;
            }
            if (action.equals("Challenge")) {
                return Change.ALREADY_ON;
            }
            action = "Challenge";
            writes.add(action);
            return Change.TURNED_ON;
        }
    }

    private final InMemoryEdgeChallengeRule rule = new InMemoryEdgeChallengeRule();
    private final EdgeChallengeSwitchService service = new EdgeChallengeSwitchService(rule);

    @Test
    void alarmStateChanged_alarm_turnsTheChallengeOn() {
        assertThat(service.alarmStateChanged("ALARM")).isEqualTo(EdgeChallengeSwitchService.Outcome.TURNED_ON);

        assertThat(rule.action).isEqualTo("Challenge");
        assertThat(rule.writes).hasSize(1);
    }

    @Test
    void alarmStateChanged_alarmAgain_alreadyOn_writesNothing() {
        service.alarmStateChanged("ALARM");

        assertThat(service.alarmStateChanged("ALARM")).isEqualTo(EdgeChallengeSwitchService.Outcome.ALREADY_ON);
        assertThat(rule.writes).hasSize(1);
    }

    @Test
    void alarmStateChanged_okOrInsufficientData_leavesTheRuleAsItIs() {
        assertThat(service.alarmStateChanged("OK")).isEqualTo(EdgeChallengeSwitchService.Outcome.LEFT_AS_IS);
        assertThat(service.alarmStateChanged("INSUFFICIENT_DATA"))
                .isEqualTo(EdgeChallengeSwitchService.Outcome.LEFT_AS_IS);

        assertThat(rule.action).isEqualTo("Count");
        assertThat(rule.writes).isEmpty();
    }

    @Test
    void alarmStateChanged_okAfterTheChallengeWentOn_neverTurnsItOff() {
        service.alarmStateChanged("ALARM");

        assertThat(service.alarmStateChanged("OK")).isEqualTo(EdgeChallengeSwitchService.Outcome.LEFT_AS_IS);
        assertThat(rule.action).isEqualTo("Challenge");
    }

    @Test
    void alarmStateChanged_stateSpelledOtherwise_isNotAnAlarm() {
        assertThat(service.alarmStateChanged("alarm")).isEqualTo(EdgeChallengeSwitchService.Outcome.LEFT_AS_IS);
        assertThat(service.alarmStateChanged("")).isEqualTo(EdgeChallengeSwitchService.Outcome.LEFT_AS_IS);
        assertThat(rule.writes).isEmpty();
    }

    @Test
    void alarmStateChanged_ruleMissing_saysSo() {
        rule.exists = false;

        assertThat(service.alarmStateChanged("ALARM")).isEqualTo(EdgeChallengeSwitchService.Outcome.RULE_MISSING);
        assertThat(rule.writes).isEmpty();
    }
}
