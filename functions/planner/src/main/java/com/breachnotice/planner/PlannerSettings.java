package com.breachnotice.planner;

import com.breachnotice.aws.config.FunctionEnvironment;

/** What the planner reads from its environment, once, before anything is built. */
record PlannerSettings(
        String campaignTable,
        String contactTable,
        String deliveryTable,
        String noticeQueueUrl,
        String planQueueUrl,
        String planDeadLetterQueueUrl) {

    /** Fails with the name of the first missing variable. */
    static PlannerSettings from(FunctionEnvironment env) {
        return new PlannerSettings(
                env.require("CAMPAIGN_TABLE"),
                env.require("CONTACT_TABLE"),
                env.require("DELIVERY_TABLE"),
                env.require("NOTICE_QUEUE_URL"),
                env.require("PLAN_QUEUE_URL"),
                env.require("PLAN_DEAD_LETTER_QUEUE_URL"));
    }
}
