package com.breachnotice.aws;

/**
 * A batch call still had work left undone (unprocessed DynamoDB items or keys, refused SQS entries)
 * after {@link BatchRetry}'s last attempt. Thrown rather than answering with less than was asked, so
 * the invocation fails and its event is retried whole; nothing is lost silently.
 */
public final class BatchIncompleteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BatchIncompleteException(String what, int remaining, int attempts) {
        super(what + ": " + remaining + " left undone after " + attempts + " attempts");
    }

    BatchIncompleteException(String message, InterruptedException cause) {
        super(message, cause);
    }
}
