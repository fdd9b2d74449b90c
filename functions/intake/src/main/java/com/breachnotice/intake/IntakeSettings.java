package com.breachnotice.intake;

import com.breachnotice.aws.config.FunctionEnvironment;

/** What the intake functions read from their environment, once. */
record IntakeSettings(
        String subjectTable,
        String contactTable,
        String intakeTable,
        String ingestQueueUrl,
        String contactKeyId,
        String pepperSecretId) {

    static IntakeSettings from(FunctionEnvironment env) {
        return new IntakeSettings(
                env.require("SUBJECT_TABLE"),
                env.require("CONTACT_TABLE"),
                env.require("INTAKE_TABLE"),
                env.require("INGEST_QUEUE_URL"),
                env.require("CONTACT_KEY_ID"),
                env.require("PEPPER_SECRET_ID"));
    }
}
