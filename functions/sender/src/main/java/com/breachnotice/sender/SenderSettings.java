package com.breachnotice.sender;

import com.breachnotice.aws.config.FunctionEnvironment;
import java.time.Duration;

/** What the sender functions read from their environment, once, before anything is built. */
record SenderSettings(
        String campaignTable,
        String contactTable,
        String deliveryTable,
        String contactKeyId,
        String pepperSecretId,
        String fromAddress,
        String configurationSet,
        Duration lease,
        String challengeTable,
        int codesPerHour,
        String noticeDeadLetterQueueUrl,
        String codeDeadLetterQueueUrl) {

    /**
     * How long a job claim holds a job: longer than the function's timeout (120 s), so a job is
     * never taken over while its sender may still be sending; shorter than the notice queue's
     * visibility timeout (720 s), so a job that comes back after a crash can be claimed again.
     * {@code NOTICE_LEASE_SECONDS} changes it (benchmarks with short visibility timeouts do).
     */
    static final Duration DEFAULT_LEASE = Duration.ofMinutes(3);

    /** One-time codes sent per hour at most, over all contacts ({@code CODES_PER_HOUR}). */
    static final int DEFAULT_CODES_PER_HOUR = 20_000;

    static SenderSettings from(FunctionEnvironment env) {
        return new SenderSettings(
                env.require("CAMPAIGN_TABLE"),
                env.require("CONTACT_TABLE"),
                env.require("DELIVERY_TABLE"),
                env.require("CONTACT_KEY_ID"),
                env.require("PEPPER_SECRET_ID"),
                env.require("NOTICE_FROM_ADDRESS"),
                env.require("SES_CONFIGURATION_SET"),
                lease(env.optional("NOTICE_LEASE_SECONDS", Long.toString(DEFAULT_LEASE.toSeconds()))),
                // The hourly budget of codes is counted beside the challenges; read only by the code function.
                env.require("CHALLENGE_TABLE"),
                positive(env.optional("CODES_PER_HOUR", Integer.toString(DEFAULT_CODES_PER_HOUR)), "CODES_PER_HOUR"),
                env.require("NOTICE_DEAD_LETTER_QUEUE_URL"),
                env.require("CODE_DEAD_LETTER_QUEUE_URL"));
    }

    private static int positive(String value, String name) {
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

    private static Duration lease(String seconds) {
        try {
            long value = Long.parseLong(seconds.strip());
            if (value < 1 || value > 3600) {
                throw new IllegalStateException("NOTICE_LEASE_SECONDS must be within 1..3600");
            }
            return Duration.ofSeconds(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("NOTICE_LEASE_SECONDS is not a whole number of seconds", e);
        }
    }
}
