package com.breachnotice.aws.dynamodb;

import com.breachnotice.aws.BatchIncompleteException;
import com.breachnotice.aws.BatchRetry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@code BatchGetItem} and {@code BatchWriteItem} on one table, of any size: split into calls of
 * {@value #MAX_GET_KEYS} keys or {@value #MAX_WRITE_ITEMS} writes, with the unprocessed keys and
 * items DynamoDB hands back under load asked again through the one {@link BatchRetry} policy. When it
 * gives up it throws {@link BatchIncompleteException}: a read never answers fewer items than exist, a
 * write never drops one.
 */
public final class DynamoDbBatches {

    /** DynamoDB's limit of keys in one {@code BatchGetItem}. */
    public static final int MAX_GET_KEYS = 100;

    /** DynamoDB's limit of requests in one {@code BatchWriteItem}. */
    public static final int MAX_WRITE_ITEMS = 25;

    private final DynamoDbClient dynamoDb;
    private final BatchRetry retry;

    public DynamoDbBatches(DynamoDbClient dynamoDb, BatchRetry retry) {
        this.dynamoDb = dynamoDb;
        this.retry = retry;
    }

    public DynamoDbBatches(DynamoDbClient dynamoDb) {
        this(dynamoDb, BatchRetry.standard());
    }

    /**
     * Reads the items of {@code read.keys()} from {@code table} and returns those that exist, in no
     * particular order. Every other setting of {@code read} (projection, attribute names, consistent
     * read) is kept on each call. A key named twice is asked once, since DynamoDB refuses a batch
     * that repeats a key.
     */
    public List<Map<String, AttributeValue>> get(String table, KeysAndAttributes read) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        get(table, read, found::add);
        return found;
    }

    /** As {@link #get(String, KeysAndAttributes)}, handing each item found to {@code onItem}. */
    public void get(String table, KeysAndAttributes read, Consumer<Map<String, AttributeValue>> onItem) {
        List<Map<String, AttributeValue>> keys = List.copyOf(new LinkedHashSet<>(read.keys()));
        for (int from = 0; from < keys.size(); from += MAX_GET_KEYS) {
            KeysAndAttributes chunk = read.toBuilder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + MAX_GET_KEYS)))
                    .build();
            retry.untilDone(
                    "BatchGetItem on " + table,
                    Map.of(table, chunk),
                    asked -> {
                        BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(asked));
                        response.responses().getOrDefault(table, List.of()).forEach(onItem);
                        return response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                    },
                    DynamoDbBatches::keyCount);
        }
    }

    /**
     * Applies {@code writes} (puts and deletes) to {@code table}. DynamoDB refuses a batch that
     * touches one key twice, so the caller passes each key once.
     */
    public void write(String table, List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += MAX_WRITE_ITEMS) {
            List<WriteRequest> chunk = writes.subList(from, Math.min(writes.size(), from + MAX_WRITE_ITEMS));
            retry.untilDone(
                    "BatchWriteItem on " + table,
                    Map.of(table, List.copyOf(chunk)),
                    asked -> {
                        BatchWriteItemResponse response = dynamoDb.batchWriteItem(b -> b.requestItems(asked));
                        return response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                    },
                    DynamoDbBatches::writeCount);
        }
    }

    /** Puts {@code items} into {@code table}, each replacing the item of its key. */
    public void put(String table, List<Map<String, AttributeValue>> items) {
        write(
                table,
                items.stream()
                        .map(item -> WriteRequest.builder()
                                .putRequest(PutRequest.builder().item(item).build())
                                .build())
                        .toList());
    }

    private static int keyCount(Map<String, KeysAndAttributes> request) {
        return request.values().stream().mapToInt(k -> k.keys().size()).sum();
    }

    private static int writeCount(Map<String, List<WriteRequest>> request) {
        return request.values().stream().mapToInt(List::size).sum();
    }
}
