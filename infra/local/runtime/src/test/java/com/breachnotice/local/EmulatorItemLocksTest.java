package com.breachnotice.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class EmulatorItemLocksTest {

    private static final Map<String, AttributeValue> SUMMARY =
            Map.of("campaignId", AttributeValue.fromS("first"), "entry", AttributeValue.fromS("summary"));
    private static final Map<String, AttributeValue> SHARD =
            Map.of("campaignId", AttributeValue.fromS("first"), "entry", AttributeValue.fromS("counters#3"));

    @Test
    void items_updateAndTheTransactionOfTwoPlanPages_nameTheSameSummaryItem() {
        var update =
                UpdateItemRequest.builder().tableName("campaigns").key(SUMMARY).build();
        var transaction = TransactWriteItemsRequest.builder()
                .transactItems(
                        TransactWriteItem.builder()
                                .update(Update.builder()
                                        .tableName("campaigns")
                                        .key(SHARD)
                                        .build())
                                .build(),
                        TransactWriteItem.builder()
                                .update(Update.builder()
                                        .tableName("campaigns")
                                        .key(SUMMARY)
                                        .build())
                                .build())
                .build();

        assertThat(EmulatorItemLocks.items(transaction))
                .hasSize(2)
                .contains(EmulatorItemLocks.items(update).first());
    }

    @Test
    void items_aRead_holdsNothing() {
        assertThat(EmulatorItemLocks.items(GetItemRequest.builder()
                        .tableName("campaigns")
                        .key(SUMMARY)
                        .build()))
                .isEmpty();
    }

    @Test
    void isLoopback_onlyTheLocalEmulator() {
        assertThat(EmulatorItemLocks.isLoopback("127.0.0.1")).isTrue();
        assertThat(EmulatorItemLocks.isLoopback("localhost")).isTrue();
        assertThat(EmulatorItemLocks.isLoopback("dynamodb.ap-northeast-2.amazonaws.com"))
                .isFalse();
    }
}
