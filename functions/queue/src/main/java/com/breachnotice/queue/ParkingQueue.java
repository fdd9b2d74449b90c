package com.breachnotice.queue;

import java.time.Duration;

/**
 * Where a record that must wait goes: back on its own queue as a new message, delivered after a
 * delay. A new message has no receives yet, so waiting this way, however long, never brings a
 * message nearer to its dead-letter queue.
 */
@FunctionalInterface
public interface ParkingQueue {

    /** The longest delay SQS takes on a message (15 minutes). */
    Duration MAX_DELAY = Duration.ofMinutes(15);

    /** Sends {@code body} again, delivered after {@code delay} (at most {@link #MAX_DELAY}); throws if it could not. */
    void park(String body, Duration delay);
}
