package com.breachnotice.local;

import java.util.List;
import software.amazon.awssdk.services.sqs.model.Message;

/** What an {@link SqsPoller} does with each batch it receives. */
interface QueueBatchHandler {

    /**
     * Handles one received batch.
     *
     * @return the messages that are done and must be deleted; the others reappear after the queue's
     *     visibility timeout
     */
    List<Message> handle(List<Message> batch) throws InterruptedException;
}
