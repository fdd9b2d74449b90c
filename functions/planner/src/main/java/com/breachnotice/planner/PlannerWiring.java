package com.breachnotice.planner;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.dynamodb.DynamoDbCampaignStore;
import com.breachnotice.aws.dynamodb.DynamoDbContactDirectory;
import com.breachnotice.aws.dynamodb.DynamoDbDeliveryLog;
import com.breachnotice.aws.dynamodb.DynamoDbJobLedger;
import com.breachnotice.aws.dynamodb.DynamoDbPlanLedger;
import com.breachnotice.aws.sqs.SqsNoticeJobQueue;
import com.breachnotice.aws.sqs.SqsPlanQueue;
import com.breachnotice.core.planning.PlannerService;
import com.breachnotice.queue.QueueBatchProcessor;
import com.breachnotice.queue.aws.SqsPoisonQueue;
import java.time.Clock;

/** The composition root of the planner: built once per container, during INIT. */
final class PlannerWiring {

    private PlannerWiring() {}

    static PlannerService plannerService(PlannerSettings settings) {
        AwsClients aws = AwsClients.shared();
        DynamoDbDeliveryLog deliveries = new DynamoDbDeliveryLog(aws.dynamoDb(), settings.deliveryTable());
        return new PlannerService(
                new DynamoDbCampaignStore(aws.dynamoDb(), settings.campaignTable()),
                new DynamoDbContactDirectory(aws.dynamoDb(), settings.contactTable()),
                new DynamoDbPlanLedger(aws.dynamoDb(), settings.campaignTable()),
                new SqsNoticeJobQueue(aws.sqs(), settings.noticeQueueUrl()),
                new SqsPlanQueue(aws.sqs(), settings.planQueueUrl()),
                deliveries,
                deliveries,
                new DynamoDbJobLedger(aws.dynamoDb(), settings.campaignTable()),
                Clock.systemUTC());
    }

    static QueueBatchProcessor queueProcessor(PlannerSettings settings) {
        AwsClients aws = AwsClients.shared();
        return new QueueBatchProcessor("plan", new SqsPoisonQueue(aws::sqs, settings.planDeadLetterQueueUrl()));
    }
}
