package com.breachnotice.events;

import com.breachnotice.aws.AwsClients;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.aws.dynamodb.DynamoDbDeliveryLog;
import com.breachnotice.core.events.DeliveryEventService;

/** The composition root of the events function: built once per container, during INIT. */
final class EventsWiring {

    private EventsWiring() {}

    static DeliveryEventService deliveryEventService(FunctionEnvironment env) {
        String deliveryTable = env.require("DELIVERY_TABLE");
        return new DeliveryEventService(
                new DynamoDbDeliveryLog(AwsClients.shared().dynamoDb(), deliveryTable));
    }
}
