package com.breachnotice.aws.messages;

/**
 * A queue message body that is not a well-formed message of the expected kind and version. The
 * message says what is wrong and never repeats the body: a body can carry a one-time code.
 */
public final class MalformedMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedMessageException(String message) {
        super(message);
    }
}
