package com.breachnotice.lookup;

import com.breachnotice.aws.config.FunctionEnvironment;

/** What the lookup function reads from its environment, once, at start-up. */
record LookupSettings(
        String challengeTable,
        String contactTable,
        String deliveryTable,
        String campaignTable,
        String codeQueueUrl,
        String pepperSecretId) {

    /** Fails with the name of the first missing variable. */
    static LookupSettings from(FunctionEnvironment env) {
        return new LookupSettings(
                env.require("CHALLENGE_TABLE"),
                env.require("CONTACT_TABLE"),
                env.require("DELIVERY_TABLE"),
                env.require("CAMPAIGN_TABLE"),
                env.require("CODE_QUEUE_URL"),
                env.require("PEPPER_SECRET_ID"));
    }
}
