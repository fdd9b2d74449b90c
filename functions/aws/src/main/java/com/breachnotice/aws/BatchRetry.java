package com.breachnotice.aws;

import java.time.Duration;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * The one policy for the part of a batch call that AWS hands back undone: DynamoDB's unprocessed
 * items and keys, SQS's failed batch entries. The SDK retries a call that fails whole; a call that
 * succeeds with some of its work left over is ours to retry, and every adapter does it through here
 * so that limits and backoff are the same everywhere.
 *
 * <p>Leftovers mean throttling, so each retry waits first, by the SDK's {@link BackoffStrategy}
 * (exponential with full jitter by default, as AWS advises for batch leftovers). After a bounded
 * number of attempts it gives up with {@link BatchIncompleteException} rather than return less than
 * it was asked: the caller's invocation fails and its event is retried whole.
 *
 * <p>{@link #patient()} is for work whose retry whole costs far more than waiting: intake's writes
 * to the subject registry, where a failed call fails a 45,000-row range that comes back only after
 * the ingest queue's 30-minute visibility timeout. It waits longer, and a call the SDK gave up on as
 * throttled (a batch of which nothing fitted, refused on every one of the client's own attempts)
 * counts as all of its work left over instead of ending the call: the table's throughput, not a
 * count of refusals, is what the work waits for (bench/scale/README.md, "What is in the way").
 */
public final class BatchRetry {

    /** Attempts in all, the first one included. */
    public static final int DEFAULT_MAX_ATTEMPTS = 8;

    static final Duration BASE_DELAY = Duration.ofMillis(50);
    static final Duration MAX_DELAY = Duration.ofSeconds(2);

    /** Attempts of {@link #patient()}: with its cap, about a minute of waiting at most. */
    public static final int PATIENT_MAX_ATTEMPTS = 20;

    static final Duration PATIENT_MAX_DELAY = Duration.ofSeconds(5);

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration delay) throws InterruptedException;
    }

    private final int maxAttempts;
    private final BackoffStrategy backoff;
    private final Pause pause;
    private final boolean throttlingLeavesAll;

    public BatchRetry(int maxAttempts, BackoffStrategy backoff, Pause pause) {
        this(maxAttempts, backoff, pause, false);
    }

    /**
     * @param throttlingLeavesAll whether a call that throws a throttling error (after the SDK's own
     *     retries) counts as all of its work left over, to be asked again after the backoff, rather
     *     than ending the call
     */
    public BatchRetry(int maxAttempts, BackoffStrategy backoff, Pause pause, boolean throttlingLeavesAll) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.pause = pause;
        this.throttlingLeavesAll = throttlingLeavesAll;
    }

    /** At most {@value #DEFAULT_MAX_ATTEMPTS} attempts, 50 ms to 2 s apart (at most about 5 s of waiting). */
    public static BatchRetry standard() {
        return new BatchRetry(
                DEFAULT_MAX_ATTEMPTS, BackoffStrategy.exponentialDelay(BASE_DELAY, MAX_DELAY), Thread::sleep);
    }

    /**
     * At most {@value #PATIENT_MAX_ATTEMPTS} attempts, 50 ms to 5 s apart (at most about 70 s of
     * waiting), a throttled call counted as all of its work left over.
     */
    public static BatchRetry patient() {
        return new BatchRetry(
                PATIENT_MAX_ATTEMPTS,
                BackoffStrategy.exponentialDelay(BASE_DELAY, PATIENT_MAX_DELAY),
                Thread::sleep,
                true);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Calls {@code attempt} with {@code work}, then with what each call hands back, until what it
     * hands back counts zero by {@code size}. Waits by the backoff before every call but the first.
     *
     * @param what names the work in the exception (a table or queue, never an item's content)
     * @throws BatchIncompleteException when work is still left after the last attempt
     */
    public <T> void untilDone(String what, T work, UnaryOperator<T> attempt, ToIntFunction<T> size) {
        T left = work;
        for (int number = 1; number <= maxAttempts; number++) {
            if (size.applyAsInt(left) == 0) {
                return;
            }
            if (number > 1) {
                wait(what, backoff.computeDelay(number));
            }
            left = attemptOnce(attempt, left);
        }
        int remaining = size.applyAsInt(left);
        if (remaining > 0) {
            throw new BatchIncompleteException(what, remaining, maxAttempts);
        }
    }

    /**
     * One single-item call (an {@code UpdateItem}) under this policy: with {@link #patient()}, a call
     * the SDK gave up on as throttled is made again after the backoff, as a wholly throttled batch
     * is; any other error, or throttling under {@link #standard()}, ends it at once.
     *
     * @param what names the call in the exception (a table, never an item's content)
     * @throws BatchIncompleteException when the last attempt was throttled too
     */
    public void untilAccepted(String what, Runnable call) {
        untilDone(
                what,
                1,
                left -> {
                    call.run();
                    return 0;
                },
                left -> left);
    }

    private <T> T attemptOnce(UnaryOperator<T> attempt, T work) {
        try {
            return attempt.apply(work);
        } catch (AwsServiceException e) {
            if (throttlingLeavesAll && e.isThrottlingException()) {
                return work; // nothing of it was done: all of it is asked again after the backoff
            }
            throw e;
        }
    }

    private void wait(String what, Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            pause.pause(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BatchIncompleteException(what + ": interrupted while backing off", e);
        }
    }
}
