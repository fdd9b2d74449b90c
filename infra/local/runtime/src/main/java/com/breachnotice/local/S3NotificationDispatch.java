package com.breachnotice.local;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * S3 invoking a function on a bucket notification: each notification, taken from the local queue the
 * bucket notifies, becomes an {@code S3Event}. {@code s3:TestEvent} messages are dropped. A failed
 * invocation leaves its message to be retried after the local queue's visibility timeout.
 */
final class S3NotificationDispatch implements QueueBatchHandler {

    private static final Logger LOG = LoggerFactory.getLogger(S3NotificationDispatch.class);

    private final HandlerInvoker invoker;
    private final EventSourceCounters counters;

    S3NotificationDispatch(HandlerInvoker invoker, EventSourceCounters counters) {
        this.invoker = invoker;
        this.counters = counters;
    }

    @Override
    public List<Message> handle(List<Message> batch) throws InterruptedException {
        List<Message> done = new ArrayList<>(batch.size());
        for (Message message : batch) {
            Optional<S3Event> event;
            try {
                event = S3Events.fromNotification(message.body());
            } catch (IllegalArgumentException e) {
                LOG.warn("{}: skipping a message that is {}", invoker.function().logicalId(), e.getMessage());
                continue;
            }
            if (event.isEmpty()) {
                done.add(message);
                continue;
            }
            Invocation invocation = invoker.invoke(event.get());
            counters.invoked(invocation);
            if (invocation.succeeded()) {
                done.add(message);
            }
        }
        return done;
    }
}
