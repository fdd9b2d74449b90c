package com.breachnotice.local;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * SNS invoking a subscribed function: each notification, taken from the local queue subscribed to the
 * topic, becomes an {@code SNSEvent} with one record. A failed invocation leaves its message to be retried
 * after the local queue's visibility timeout (like Lambda's asynchronous retries), until the local
 * dead-letter queue takes it.
 */
final class SnsSubscriptionDispatch implements QueueBatchHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SnsSubscriptionDispatch.class);

    private final String subscriptionArn;
    private final HandlerInvoker invoker;
    private final EventSourceCounters counters;

    SnsSubscriptionDispatch(String subscriptionArn, HandlerInvoker invoker, EventSourceCounters counters) {
        this.subscriptionArn = subscriptionArn;
        this.invoker = invoker;
        this.counters = counters;
    }

    @Override
    public List<Message> handle(List<Message> batch) throws InterruptedException {
        List<Message> done = new ArrayList<>(batch.size());
        for (Message message : batch) {
            Object event;
            try {
                event = SnsEvents.fromEnvelope(message.body(), subscriptionArn);
            } catch (IllegalArgumentException e) {
                LOG.warn("{}: skipping a message that is {}", invoker.function().logicalId(), e.getMessage());
                continue;
            }
            Invocation invocation = invoker.invoke(event);
            counters.invoked(invocation);
            if (invocation.succeeded()) {
                done.add(message);
            }
        }
        return done;
    }
}
