package com.breachnotice.aws.sqs;

/**
 * The queue refused a message as the sender's fault (too large, invalid), which no retry mends.
 * Nothing is dropped silently: the caller fails (and its own message is redelivered or dead-lettered).
 */
public final class QueueSendException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    QueueSendException(String message) {
        super(message);
    }
}
