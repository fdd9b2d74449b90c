package com.breachnotice.queue;

/**
 * Where a poison message goes at once: the dead-letter queue of the queue it came from, where an
 * alarm fires and an operator can read it, fix what is wrong and redrive it. Nothing is dropped.
 */
@FunctionalInterface
public interface PoisonQueue {

    /**
     * Stores {@code message}; throws if it could not, in which case the record is retried instead.
     */
    void put(PoisonMessage message);

    /**
     * @param messageId the SQS message id it had on the source queue
     * @param body the body unchanged, so a redrive after a fix can send it back as it was
     * @param reason why it is poison; never personal data
     */
    record PoisonMessage(String messageId, String body, String reason) {}
}
