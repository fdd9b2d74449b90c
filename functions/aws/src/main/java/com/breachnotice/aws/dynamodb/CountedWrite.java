package com.breachnotice.aws.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A change and the counters that count it, written in one {@code TransactWriteItems}: the change's
 * condition decides for both. The request carries an idempotency token, so the SDK's own retry of a
 * call whose answer was lost cannot count twice; a transaction cancelled by a concurrent one
 * ({@code TransactionConflict}, two completions on one counter shard) is tried again, a few times.
 */
final class CountedWrite {

    /** Attempts when concurrent transactions cancel ours; the counters' shards make this rare. */
    static final int ATTEMPTS = 5;

    private CountedWrite() {}

    /** What the write came to. */
    sealed interface Outcome {
        record Written() implements Outcome {}

        /** The change's own condition failed; the item that failed it when the store returned it. */
        record ConditionFailed(Optional<Map<String, AttributeValue>> item) implements Outcome {}
    }

    static Outcome write(DynamoDbClient dynamoDb, List<TransactWriteItem> items) {
        TransactionCanceledException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // One token per attempt: the SDK's retries of this attempt share it, our own do not.
            String token = UUID.randomUUID().toString();
            try {
                dynamoDb.transactWriteItems(b -> b.transactItems(items).clientRequestToken(token));
                return new Outcome.Written();
            } catch (TransactionCanceledException cancelled) {
                last = cancelled;
                List<CancellationReason> reasons =
                        cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
                for (CancellationReason reason : reasons) {
                    if ("ConditionalCheckFailed".equals(reason.code())) {
                        return new Outcome.ConditionFailed(
                                reason.hasItem() && !reason.item().isEmpty()
                                        ? Optional.of(reason.item())
                                        : Optional.empty());
                    }
                }
                if (reasons.isEmpty() && mentionsCondition(cancelled)) {
                    return new Outcome.ConditionFailed(Optional.empty());
                }
                pause(attempt);
            }
        }
        if (last == null) {
            throw new IllegalStateException("no attempt made");
        }
        throw last;
    }

    private static boolean mentionsCondition(TransactionCanceledException cancelled) {
        String message = cancelled.getMessage();
        return message != null && message.contains("ConditionalCheckFailed");
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between transaction attempts", e);
        }
    }
}
