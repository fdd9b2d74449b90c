package com.breachnotice.aws.sqs;

/**
 * Some messages were still refused by the queue after the bounded retries. Nothing is dropped
 * silently: the caller fails (and its own message is redelivered), so the work is retried whole.
 */
public final class QueueSendException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    QueueSendException(String message) {
        super(message);
    }
}
