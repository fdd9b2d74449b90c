package com.breachnotice.events;

import com.breachnotice.aws.config.FunctionEnvironment;

/** What the events function reads from its environment, once, before anything is built. */
record EventsSettings(
        String deliveryTable, String campaignTable, String contactTable, String subjectTable, String noticeQueueUrl) {

    /** Fails with the name of the first missing variable. */
    static EventsSettings from(FunctionEnvironment env) {
        return new EventsSettings(
                env.require("DELIVERY_TABLE"),
                env.require("CAMPAIGN_TABLE"),
                env.require("CONTACT_TABLE"),
                env.require("SUBJECT_TABLE"),
                env.require("NOTICE_QUEUE_URL"));
    }
}
