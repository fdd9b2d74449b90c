package com.breachnotice.events;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.aws.dynamodb.DynamoDbCampaignStore;
import com.breachnotice.aws.dynamodb.DynamoDbDeliveryLog;
import com.breachnotice.aws.dynamodb.DynamoDbFallbackContacts;
import com.breachnotice.aws.sqs.SqsNoticeJobQueue;
import com.breachnotice.core.events.DeliveryEventService;

/** The composition root of the events function: built once per container, during INIT. */
final class EventsWiring {

    private EventsWiring() {}

    static DeliveryEventService deliveryEventService(FunctionEnvironment env) {
        String deliveryTable = env.require("DELIVERY_TABLE");
        AwsClients aws = AwsClients.shared();
        // Email-first campaigns fall back to SMS on a hard bounce or suppression.
        return new DeliveryEventService(
                new DynamoDbDeliveryLog(aws.dynamoDb(), deliveryTable),
                new DynamoDbCampaignStore(aws.dynamoDb(), env.require("CAMPAIGN_TABLE")),
                new DynamoDbFallbackContacts(
                        aws.dynamoDb(), env.require("CONTACT_TABLE"), env.require("SUBJECT_TABLE")),
                new SqsNoticeJobQueue(aws.sqs(), env.require("NOTICE_QUEUE_URL")));
    }
}
