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
        Duration callMargin,
        String challengeTable,
        int smsCodesPerHour,
        String noticeDeadLetterQueueUrl,
        String codeDeadLetterQueueUrl,
        String noticeQueueUrl) {

    /**
     * How long a job claim holds a job: longer than the function's timeout (120 s), so a job is
     * never taken over while its sender may still be sending; shorter than the notice queue's
     * visibility timeout (720 s), so a job that comes back after a crash can be claimed again.
     * {@code NOTICE_LEASE_SECONDS} changes it (benchmarks with short visibility timeouts do).
     */
    static final Duration DEFAULT_LEASE = Duration.ofMinutes(3);

    /**
     * What a send call's deadline adds to the SDK's API call timeout: the clock's drift between
     * instances and the batch write of the records after the call. {@code NOTICE_CALL_MARGIN_SECONDS}.
     */
    static final Duration DEFAULT_CALL_MARGIN = Duration.ofSeconds(10);

    /**
     * Code text messages per hour at most ({@code SMS_CODES_PER_HOUR}); the budget of all codes is the
     * lookup's, taken when a challenge starts.
     */
    static final int DEFAULT_SMS_CODES_PER_HOUR = 2_000;

    static SenderSettings from(FunctionEnvironment env) {
        return new SenderSettings(
                env.require("CAMPAIGN_TABLE"),
                env.require("CONTACT_TABLE"),
                env.require("DELIVERY_TABLE"),
                env.require("CONTACT_KEY_ID"),
                env.require("PEPPER_SECRET_ID"),
                env.require("NOTICE_FROM_ADDRESS"),
                env.require("SES_CONFIGURATION_SET"),
                seconds(
                        "NOTICE_LEASE_SECONDS",
                        env.optional("NOTICE_LEASE_SECONDS", Long.toString(DEFAULT_LEASE.toSeconds())),
                        1),
                seconds(
                        "NOTICE_CALL_MARGIN_SECONDS",
                        env.optional("NOTICE_CALL_MARGIN_SECONDS", Long.toString(DEFAULT_CALL_MARGIN.toSeconds())),
                        0),
                // The hourly budget of codes is counted beside the challenges; read only by the code function.
                env.require("CHALLENGE_TABLE"),
                positive(
                        env.optional("SMS_CODES_PER_HOUR", Integer.toString(DEFAULT_SMS_CODES_PER_HOUR)),
                        "SMS_CODES_PER_HOUR"),
                env.require("NOTICE_DEAD_LETTER_QUEUE_URL"),
                env.require("CODE_DEAD_LETTER_QUEUE_URL"),
                // Where a paused campaign's jobs are parked: their own queue.
                env.require("NOTICE_QUEUE_URL"));
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

    private static Duration seconds(String name, String seconds, long min) {
        try {
            long value = Long.parseLong(seconds.strip());
            if (value < min || value > 3600) {
                throw new IllegalStateException(name + " must be within " + min + "..3600");
            }
            return Duration.ofSeconds(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " is not a whole number of seconds", e);
        }
    }
}
