package com.breachnotice.aws.dynamodb;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A DynamoDbClient that records the write requests (and batch reads) and answers reads from a
 * function. Transactions fail with the queued failures first, one per call, then succeed.
 */
final class RecordingDynamoDb implements DynamoDbClient {

    final List<Object> requests = new CopyOnWriteArrayList<>();
    RuntimeException writeFailure;
    Function<GetItemRequest, Map<String, AttributeValue>> items = request -> Map.of();
    Function<BatchGetItemRequest, BatchGetItemResponse> batchGets =
            request -> BatchGetItemResponse.builder().build();
    final Deque<RuntimeException> transactionFailures = new ArrayDeque<>();

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        requests.add(request);
        failIfAsked();
        return PutItemResponse.builder().build();
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        requests.add(request);
        failIfAsked();
        return UpdateItemResponse.builder().build();
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        requests.add(request);
        failIfAsked();
        return DeleteItemResponse.builder().build();
    }

    @Override
    public synchronized TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        requests.add(request);
        RuntimeException failure = transactionFailures.poll();
        if (failure != null) {
            throw failure;
        }
        failIfAsked();
        return TransactWriteItemsResponse.builder().build();
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        requests.add(request);
        return batchGets.apply(request);
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return GetItemResponse.builder().item(items.apply(request)).build();
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {}

    private void failIfAsked() {
        if (writeFailure != null) {
            throw writeFailure;
        }
    }
}
