package com.breachnotice.events;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.aws.dynamodb.DynamoDbCampaignStore;
import com.breachnotice.aws.dynamodb.DynamoDbDeliveryLog;
import com.breachnotice.aws.dynamodb.DynamoDbFallbackContacts;
import com.breachnotice.aws.sqs.SqsNoticeJobQueue;
import com.breachnotice.aws.waf.WafEdgeChallengeRule;
import com.breachnotice.core.events.DeliveryEventService;
import com.breachnotice.core.events.SmsResultService;
import com.breachnotice.core.lookup.EdgeChallengeSwitchService;

/** The composition root of the events function: built once per container, during INIT. */
final class EventsWiring {

    private EventsWiring() {}

    static DeliveryEventService deliveryEventService(FunctionEnvironment env) {
        EventsSettings settings = EventsSettings.from(env);
        AwsClients aws = AwsClients.shared();
        // Email-first campaigns fall back to SMS on a hard bounce or suppression. Each status change
        // moves the campaign's counters in the same transaction.
        return new DeliveryEventService(
                new DynamoDbDeliveryLog(aws.dynamoDb(), settings.deliveryTable(), settings.campaignTable()),
                new DynamoDbCampaignStore(aws.dynamoDb(), settings.campaignTable()),
                new DynamoDbFallbackContacts(aws.dynamoDb(), settings.contactTable(), settings.subjectTable()),
                new SqsNoticeJobQueue(aws.sqs(), settings.noticeQueueUrl()));
    }

    /** The SMS results function: only the deliveries table (its SMS message index). */
    static SmsResultService smsResultService(FunctionEnvironment env) {
        // The setting first: a missing one is named before any client is built.
        String deliveryTable = env.require("DELIVERY_TABLE");
        DynamoDbDeliveryLog log = new DynamoDbDeliveryLog(AwsClients.shared().dynamoDb(), deliveryTable);
        return new SmsResultService(log, log);
    }

    /** The edge switch: only the edge's web ACL, through AWS WAF in us-east-1. */
    static EdgeChallengeSwitchService edgeChallengeSwitch(FunctionEnvironment env) {
        // The setting first: a missing one is named before any client is built.
        String webAclArn = env.require("EDGE_WEB_ACL_ARN");
        return new EdgeChallengeSwitchService(
                new WafEdgeChallengeRule(AwsClients.shared().wafv2(), webAclArn));
    }
}
