package com.breachnotice.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.breachnotice.aws.BatchIncompleteException;
import com.breachnotice.aws.BatchRetry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Request shapes and the unprocessed-item retries, which the emulator never produces. */
class DynamoDbBatchesTest {

    /** Answers batch calls from a script (then finds every key, takes every write) and records them. */
    static final class ScriptedDynamoDb implements DynamoDbClient {
        final List<BatchGetItemRequest> gets = new ArrayList<>();
        final List<BatchWriteItemRequest> writes = new ArrayList<>();
        final Deque<Function<BatchGetItemRequest, BatchGetItemResponse>> getScript = new ArrayDeque<>();
        final Deque<Function<BatchWriteItemRequest, BatchWriteItemResponse>> writeScript = new ArrayDeque<>();

        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            gets.add(request);
            return getScript.isEmpty() ? findAll(request) : getScript.poll().apply(request);
        }

        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            writes.add(request);
            return writeScript.isEmpty()
                    ? BatchWriteItemResponse.builder().build()
                    : writeScript.poll().apply(request);
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {}
    }

    static BatchGetItemResponse findAll(BatchGetItemRequest request) {
        BatchGetItemResponse.Builder response = BatchGetItemResponse.builder();
        Map<String, List<Map<String, AttributeValue>>> items = new java.util.HashMap<>();
        request.requestItems().forEach((table, read) -> items.put(table, read.keys()));
        return response.responses(items).build();
    }

    /** Finds the first key and hands the rest back unprocessed. */
    static BatchGetItemResponse findFirstOnly(BatchGetItemRequest request) {
        Map.Entry<String, KeysAndAttributes> only =
                request.requestItems().entrySet().iterator().next();
        List<Map<String, AttributeValue>> keys = only.getValue().keys();
        return BatchGetItemResponse.builder()
                .responses(Map.of(only.getKey(), keys.subList(0, 1)))
                .unprocessedKeys(Map.of(
                        only.getKey(),
                        only.getValue().toBuilder()
                                .keys(keys.subList(1, keys.size()))
                                .build()))
                .build();
    }

    private final List<Duration> pauses = new ArrayList<>();
    private final ScriptedDynamoDb dynamoDb = new ScriptedDynamoDb();
    private final DynamoDbBatches batches = new DynamoDbBatches(
            dynamoDb,
            new BatchRetry(
                    3,
                    BackoffStrategy.exponentialDelayWithoutJitter(Duration.ofMillis(10), Duration.ofSeconds(1)),
                    pauses::add));

    private static Map<String, AttributeValue> key(int i) {
        return Map.of("pk", AttributeValue.fromS("k" + i));
    }

    private static List<Map<String, AttributeValue>> keys(int n) {
        return IntStream.range(0, n).mapToObj(DynamoDbBatchesTest::key).toList();
    }

    @Test
    void get_manyKeys_chunksOfAHundredKeepingTheReadSettings() {
        KeysAndAttributes read = KeysAndAttributes.builder()
                .keys(keys(250))
                .consistentRead(true)
                .projectionExpression("pk, #s")
                .expressionAttributeNames(Map.of("#s", "status"))
                .build();

        List<Map<String, AttributeValue>> found = batches.get("subjects", read);

        assertThat(found).containsExactlyInAnyOrderElementsOf(keys(250));
        assertThat(dynamoDb.gets)
                .extracting(r -> r.requestItems().get("subjects").keys().size())
                .containsExactly(100, 100, 50);
        assertThat(dynamoDb.gets).allSatisfy(r -> {
            assertThat(r.requestItems()).containsOnlyKeys("subjects");
            KeysAndAttributes asked = r.requestItems().get("subjects");
            assertThat(asked.consistentRead()).isTrue();
            assertThat(asked.projectionExpression()).isEqualTo("pk, #s");
            assertThat(asked.expressionAttributeNames()).containsEntry("#s", "status");
        });
        assertThat(pauses).isEmpty();
    }

    @Test
    void get_repeatedKeys_askedOnce() {
        List<Map<String, AttributeValue>> repeated = List.of(key(1), key(2), key(1));

        batches.get("subjects", KeysAndAttributes.builder().keys(repeated).build());

        assertThat(dynamoDb.gets.getFirst().requestItems().get("subjects").keys())
                .containsExactly(key(1), key(2));
    }

    @Test
    void get_unprocessedKeys_askedAgainAfterBackoffUntilAllFound() {
        dynamoDb.getScript.add(DynamoDbBatchesTest::findFirstOnly);

        List<Map<String, AttributeValue>> found = batches.get(
                "contacts", KeysAndAttributes.builder().keys(keys(3)).build());

        assertThat(found).containsExactlyInAnyOrderElementsOf(keys(3));
        assertThat(dynamoDb.gets.get(1).requestItems().get("contacts").keys()).containsExactly(key(1), key(2));
        assertThat(pauses).containsExactly(Duration.ofMillis(10));
    }

    @Test
    void get_keysNeverProcessed_throwsRatherThanAnswerFewer() {
        for (int i = 0; i < 3; i++) {
            dynamoDb.getScript.add(r -> BatchGetItemResponse.builder()
                    .unprocessedKeys(r.requestItems())
                    .build());
        }

        assertThatThrownBy(() -> batches.get(
                        "contacts", KeysAndAttributes.builder().keys(keys(2)).build()))
                .isInstanceOf(BatchIncompleteException.class)
                .hasMessage("BatchGetItem on contacts: 2 left undone after 3 attempts");
        assertThat(dynamoDb.gets).hasSize(3);
        assertThat(pauses).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void put_manyItems_chunksOfTwentyFivePutRequests() {
        batches.put("deliveries", keys(60));

        assertThat(dynamoDb.writes)
                .extracting(r -> r.requestItems().get("deliveries").size())
                .containsExactly(25, 25, 10);
        assertThat(dynamoDb.writes.stream()
                        .flatMap(r -> r.requestItems().get("deliveries").stream())
                        .map(w -> w.putRequest().item()))
                .containsExactlyElementsOf(keys(60));
    }

    @Test
    void write_unprocessedItems_onlyThoseWrittenAgain() {
        dynamoDb.writeScript.add(r -> {
            List<WriteRequest> asked = r.requestItems().get("deliveries");
            return BatchWriteItemResponse.builder()
                    .unprocessedItems(Map.of("deliveries", asked.subList(3, asked.size())))
                    .build();
        });

        batches.put("deliveries", keys(5));

        assertThat(dynamoDb.writes).hasSize(2);
        assertThat(dynamoDb.writes.get(1).requestItems().get("deliveries"))
                .extracting(w -> w.putRequest().item())
                .containsExactly(key(3), key(4));
        assertThat(pauses).containsExactly(Duration.ofMillis(10));
    }

    @Test
    void write_itemsNeverProcessed_throwsNamingTheTable() {
        for (int i = 0; i < 3; i++) {
            dynamoDb.writeScript.add(r -> BatchWriteItemResponse.builder()
                    .unprocessedItems(r.requestItems())
                    .build());
        }

        assertThatThrownBy(() -> batches.put("deliveries", keys(4)))
                .isInstanceOf(BatchIncompleteException.class)
                .hasMessage("BatchWriteItem on deliveries: 4 left undone after 3 attempts");
    }

    @Test
    void write_patientRetryAndAWhollyThrottledBatch_writesTheWholeBatchAgain() {
        DynamoDbBatches patient = new DynamoDbBatches(
                dynamoDb,
                new BatchRetry(
                        3,
                        BackoffStrategy.exponentialDelayWithoutJitter(Duration.ofMillis(10), Duration.ofSeconds(1)),
                        pauses::add,
                        true));
        dynamoDb.writeScript.add(r -> {
            throw ProvisionedThroughputExceededException.builder()
                    .statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("ProvisionedThroughputExceededException")
                            .build())
                    .build();
        });

        patient.put("contacts", keys(4));

        assertThat(dynamoDb.writes).hasSize(2);
        assertThat(dynamoDb.writes.get(1).requestItems().get("contacts"))
                .extracting(w -> w.putRequest().item())
                .containsExactlyElementsOf(keys(4));
        assertThat(pauses).containsExactly(Duration.ofMillis(10));
    }

    @Test
    void write_nothing_makesNoCall() {
        batches.write("deliveries", List.of());
        batches.get("deliveries", KeysAndAttributes.builder().keys(List.of()).build());

        assertThat(dynamoDb.writes).isEmpty();
        assertThat(dynamoDb.gets).isEmpty();
    }
}
