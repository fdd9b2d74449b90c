package com.breachnotice.planner;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.aws.dynamodb.DynamoDbCampaignStore;
import com.breachnotice.aws.dynamodb.DynamoDbContactDirectory;
import com.breachnotice.aws.dynamodb.DynamoDbDeliveryLog;
import com.breachnotice.aws.dynamodb.DynamoDbJobLedger;
import com.breachnotice.aws.dynamodb.DynamoDbPlanLedger;
import com.breachnotice.aws.sqs.SqsNoticeJobQueue;
import com.breachnotice.aws.sqs.SqsPlanQueue;
import com.breachnotice.core.planning.PlannerService;
import java.time.Clock;

/** The composition root of the planner: built once per container, during INIT. */
final class PlannerWiring {

    private PlannerWiring() {}

    static PlannerService plannerService(FunctionEnvironment env) {
        String campaignTable = env.require("CAMPAIGN_TABLE");
        String contactTable = env.require("CONTACT_TABLE");
        String noticeQueueUrl = env.require("NOTICE_QUEUE_URL");
        String planQueueUrl = env.require("PLAN_QUEUE_URL");
        String deliveryTable = env.require("DELIVERY_TABLE");
        AwsClients aws = AwsClients.shared();
        return new PlannerService(
                new DynamoDbCampaignStore(aws.dynamoDb(), campaignTable),
                new DynamoDbContactDirectory(aws.dynamoDb(), contactTable),
                new DynamoDbPlanLedger(aws.dynamoDb(), campaignTable),
                new SqsNoticeJobQueue(aws.sqs(), noticeQueueUrl),
                new SqsPlanQueue(aws.sqs(), planQueueUrl),
                new DynamoDbDeliveryLog(aws.dynamoDb(), deliveryTable),
                new DynamoDbJobLedger(aws.dynamoDb(), campaignTable),
                Clock.systemUTC());
    }
}
