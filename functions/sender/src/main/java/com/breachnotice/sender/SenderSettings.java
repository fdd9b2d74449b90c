package com.breachnotice.sender;

import com.breachnotice.aws.config.FunctionEnvironment;

/** What the sender functions read from their environment, once, before anything is built. */
record SenderSettings(
        String campaignTable,
        String contactTable,
        String deliveryTable,
        String contactKeyId,
        String pepperSecretId,
        String fromAddress,
        String configurationSet) {

    static SenderSettings from(FunctionEnvironment env) {
        return new SenderSettings(
                env.require("CAMPAIGN_TABLE"),
                env.require("CONTACT_TABLE"),
                env.require("DELIVERY_TABLE"),
                env.require("CONTACT_KEY_ID"),
                env.require("PEPPER_SECRET_ID"),
                env.require("NOTICE_FROM_ADDRESS"),
                env.require("SES_CONFIGURATION_SET"));
    }
}
