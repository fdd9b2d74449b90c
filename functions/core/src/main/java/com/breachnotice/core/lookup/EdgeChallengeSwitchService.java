package com.breachnotice.core.lookup;

/**
 * The automatic edge switch. The lookup's failure-ratio breakers ask for the edge's challenge through
 * a metric ({@link AlarmingEdgeChallengeSwitch}); the alarm on it reports each of its state changes
 * here. Entering {@code ALARM} turns the challenge of every {@code POST /v1/*} on. Any other state
 * leaves the rule as it is: the switch only ever turns the challenge on. Turning it off is the
 * operators' decision, once the wave is over, because a quiet spell inside a wave reads the same as
 * its end, and a challenge left on costs a browser a second, while one turned off too early reopens
 * the lookup to the wave.
 */
public final class EdgeChallengeSwitchService {

    /** The alarm state that asks for the challenge (CloudWatch's {@code StateValue}). */
    public static final String ALARM = "ALARM";

    /** What one state change led to. */
    public enum Outcome {
        /** The alarm fired and the challenge is now on. */
        TURNED_ON,
        /** The alarm fired and the challenge was on already (an operator, or an earlier alarm). */
        ALREADY_ON,
        /** The alarm fired but the web ACL has no rule to switch: the operators must act. */
        RULE_MISSING,
        /** Another state ({@code OK}, {@code INSUFFICIENT_DATA}): nothing is changed. */
        LEFT_AS_IS
    }

    private final EdgeChallengeRule rule;

    public EdgeChallengeSwitchService(EdgeChallengeRule rule) {
        this.rule = rule;
    }

    /** @param state the state the alarm entered, as CloudWatch spells it */
    public Outcome alarmStateChanged(String state) {
        if (!ALARM.equals(state)) {
            return Outcome.LEFT_AS_IS;
        }
        return switch (rule.challenge()) {
            case TURNED_ON -> Outcome.TURNED_ON;
            case ALREADY_ON -> Outcome.ALREADY_ON;
            case RULE_MISSING -> Outcome.RULE_MISSING;
        };
    }
}
