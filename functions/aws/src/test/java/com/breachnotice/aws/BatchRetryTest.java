package com.breachnotice.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class BatchRetryTest {

    private final List<Duration> pauses = new ArrayList<>();
    private final BatchRetry retry = new BatchRetry(
            4,
            BackoffStrategy.exponentialDelayWithoutJitter(Duration.ofMillis(10), Duration.ofMillis(25)),
            pauses::add);

    @Test
    void untilDone_nothingLeftAfterTheFirstCall_callsOnceWithoutWaiting() {
        List<Integer> calls = new ArrayList<>();

        retry.untilDone(
                "work",
                5,
                left -> {
                    calls.add(left);
                    return 0;
                },
                n -> n);

        assertThat(calls).containsExactly(5);
        assertThat(pauses).isEmpty();
    }

    @Test
    void untilDone_leftovers_callsAgainWithTheLeftoverAfterTheSdkBackoff() {
        List<Integer> calls = new ArrayList<>();

        retry.untilDone(
                "work",
                5,
                left -> {
                    calls.add(left);
                    return left - 2;
                },
                n -> Math.max(0, n));

        assertThat(calls).containsExactly(5, 3, 1);
        // The SDK's strategy: attempt 2 waits the base, then doubles, capped at the maximum.
        assertThat(pauses).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void untilDone_leftoversAfterTheLastAttempt_throwsNamingTheWorkAndTheCount() {
        List<Integer> calls = new ArrayList<>();

        assertThatThrownBy(() -> retry.untilDone(
                        "BatchWriteItem on deliveries",
                        3,
                        left -> {
                            calls.add(left);
                            return 1;
                        },
                        n -> n))
                .isInstanceOf(BatchIncompleteException.class)
                .hasMessage("BatchWriteItem on deliveries: 1 left undone after 4 attempts");
        assertThat(calls).hasSize(4);
        assertThat(pauses).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(25));
    }

    @Test
    void untilDone_nothingToDo_neverCalls() {
        retry.untilDone(
                "work",
                0,
                left -> {
                    throw new AssertionError("called");
                },
                n -> n);

        assertThat(pauses).isEmpty();
    }

    @Test
    void untilDone_interruptedWhileWaiting_throwsAndKeepsTheInterrupt() {
        BatchRetry interrupted =
                new BatchRetry(3, BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(1)), delay -> {
                    throw new InterruptedException();
                });

        try {
            assertThatThrownBy(() -> interrupted.untilDone("work", 2, left -> 1, n -> n))
                    .isInstanceOf(BatchIncompleteException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void new_noAttempts_isRefused() {
        assertThatThrownBy(() -> new BatchRetry(0, BackoffStrategy.retryImmediately(), d -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** What the DynamoDB client throws once its own retries of a wholly throttled batch are spent. */
    static AwsServiceException throttled() {
        return ProvisionedThroughputExceededException.builder()
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ProvisionedThroughputExceededException")
                        .build())
                .build();
    }

    private final BatchRetry patient = new BatchRetry(
            4,
            BackoffStrategy.exponentialDelayWithoutJitter(Duration.ofMillis(10), Duration.ofMillis(25)),
            pauses::add,
            true);

    @Test
    void untilDone_patientAndAWhollyThrottledCall_asksAllOfItAgainAfterTheBackoff() {
        List<Integer> calls = new ArrayList<>();

        patient.untilDone(
                "BatchWriteItem on contacts",
                5,
                left -> {
                    calls.add(left);
                    if (calls.size() < 3) {
                        throw throttled();
                    }
                    return 0;
                },
                n -> n);

        assertThat(calls).containsExactly(5, 5, 5);
        assertThat(pauses).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void untilDone_patientAndThrottledOnEveryAttempt_throwsIncompleteWithAllOfTheWorkLeft() {
        assertThatThrownBy(() -> patient.untilDone(
                        "BatchWriteItem on contacts",
                        5,
                        left -> {
                            throw throttled();
                        },
                        n -> n))
                .isInstanceOf(BatchIncompleteException.class)
                .hasMessage("BatchWriteItem on contacts: 5 left undone after 4 attempts");
        assertThat(pauses).hasSize(3);
    }

    @Test
    void untilDone_patientAndAnErrorOtherThanThrottling_endsTheCall() {
        ResourceNotFoundException missing = ResourceNotFoundException.builder()
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ResourceNotFoundException")
                        .build())
                .build();

        assertThatThrownBy(() -> patient.untilDone(
                        "work",
                        5,
                        left -> {
                            throw missing;
                        },
                        n -> n))
                .isSameAs(missing);
        assertThat(pauses).isEmpty();
    }

    @Test
    void untilDone_standardAndAWhollyThrottledCall_endsTheCall() {
        AwsServiceException refused = throttled();

        assertThatThrownBy(() -> retry.untilDone(
                        "work",
                        5,
                        left -> {
                            throw refused;
                        },
                        n -> n))
                .isSameAs(refused);
        assertThat(pauses).isEmpty();
    }

    @Test
    void untilAccepted_patientAndACallThrottledTwice_makesItAgainAfterEachBackoff() {
        List<String> calls = new ArrayList<>();

        patient.untilAccepted("UpdateItem on contacts", () -> {
            calls.add("update");
            if (calls.size() < 3) {
                throw throttled();
            }
        });

        assertThat(calls).hasSize(3);
        assertThat(pauses).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void untilAccepted_standardAndAThrottledCall_endsAtOnce() {
        AwsServiceException refused = throttled();

        assertThatThrownBy(() -> retry.untilAccepted("UpdateItem on contacts", () -> {
                    throw refused;
                }))
                .isSameAs(refused);
        assertThat(pauses).isEmpty();
    }

    @Test
    void untilAccepted_patientAndThrottledEveryTime_throwsIncomplete() {
        assertThatThrownBy(() -> patient.untilAccepted("UpdateItem on contacts", () -> {
                    throw throttled();
                }))
                .isInstanceOf(BatchIncompleteException.class)
                .hasMessage("UpdateItem on contacts: 1 left undone after 4 attempts");
    }

    @Test
    void patient_waitsLongerThanStandard() {
        assertThat(BatchRetry.patient().maxAttempts())
                .isEqualTo(BatchRetry.PATIENT_MAX_ATTEMPTS)
                .isGreaterThan(BatchRetry.standard().maxAttempts());
        assertThat(BatchRetry.PATIENT_MAX_DELAY).isGreaterThan(BatchRetry.MAX_DELAY);
    }
}
