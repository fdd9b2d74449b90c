package com.breachnotice.intake;

import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.core.intake.IntakeService;

/**
 * What the intake functions read from their environment, once. {@code INTAKE_RANGE_BYTES} (optional)
 * sets how many bytes of a manifest one worker loads; the default suits Lambda, a benchmark lowers it.
 * {@code DEFAULT_COUNTRY} is the region of a phone number written without its country code.
 */
record IntakeSettings(
        String subjectTable,
        String contactTable,
        String intakeTable,
        String ingestQueueUrl,
        String contactKeyId,
        String pepperSecretId,
        long rangeBytes,
        String ingestDeadLetterQueueUrl,
        String defaultCountry) {

    static IntakeSettings from(FunctionEnvironment env) {
        return new IntakeSettings(
                env.require("SUBJECT_TABLE"),
                env.require("CONTACT_TABLE"),
                env.require("INTAKE_TABLE"),
                env.require("INGEST_QUEUE_URL"),
                env.require("CONTACT_KEY_ID"),
                env.require("PEPPER_SECRET_ID"),
                rangeBytes(env.optional("INTAKE_RANGE_BYTES", Long.toString(IntakeService.DEFAULT_RANGE_BYTES))),
                env.require("INGEST_DEAD_LETTER_QUEUE_URL"),
                env.requireCountry("DEFAULT_COUNTRY"));
    }

    private static long rangeBytes(String value) {
        try {
            long bytes = Long.parseLong(value.strip());
            if (bytes > 0) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("INTAKE_RANGE_BYTES must be a positive number of bytes");
    }
}
