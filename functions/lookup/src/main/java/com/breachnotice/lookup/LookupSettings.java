package com.breachnotice.lookup;

import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.core.lookup.LookupLimits;
import java.time.Duration;

/** What the lookup function reads from its environment, once, at start-up. */
record LookupSettings(
        String challengeTable,
        String contactTable,
        String deliveryTable,
        String campaignTable,
        String codeQueueUrl,
        String pepperSecretId,
        LookupLimits limits,
        String defaultCountry) {

    /** Fails with the name of the first missing variable. */
    static LookupSettings from(FunctionEnvironment env) {
        return new LookupSettings(
                env.require("CHALLENGE_TABLE"),
                env.require("CONTACT_TABLE"),
                env.require("DELIVERY_TABLE"),
                env.require("CAMPAIGN_TABLE"),
                env.require("CODE_QUEUE_URL"),
                env.require("PEPPER_SECRET_ID"),
                new LookupLimits(
                        Duration.ofHours(1),
                        positive(env, "ADDRESS_STARTS_PER_HOUR", LookupLimits.DEFAULTS.startsPerAddress()),
                        positive(env, "ADDRESS_CHECKS_PER_HOUR", LookupLimits.DEFAULTS.checksPerAddress())),
                env.requireCountry("DEFAULT_COUNTRY"));
    }

    private static int positive(FunctionEnvironment env, String name, int fallback) {
        String value = env.optional(name, Integer.toString(fallback));
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, by name
        }
        throw new IllegalStateException(name + " must be a positive whole number");
    }
}
