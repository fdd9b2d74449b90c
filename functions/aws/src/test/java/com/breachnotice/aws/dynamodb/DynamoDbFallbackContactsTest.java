package com.breachnotice.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.breachnotice.aws.BatchIncompleteException;
import com.breachnotice.aws.BatchRetry;
import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.contact.ContactKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;

/** What the emulator cannot show: DynamoDB leaving keys of a batch read unprocessed (throttling). */
class DynamoDbFallbackContactsTest {

    private static final ContactKey EMAIL = TestStacks.emailKey("bounced@example.com");
    private static final ContactKey PHONE = TestStacks.phoneKey("+821000000001");

    private final RecordingDynamoDb dynamoDb = new RecordingDynamoDb();
    private final DynamoDbFallbackContacts fallback = new DynamoDbFallbackContacts(
            dynamoDb,
            new DynamoDbBatches(dynamoDb, new BatchRetry(3, BackoffStrategy.retryImmediately(), delay -> {})),
            "contacts",
            "subjects");

    DynamoDbFallbackContactsTest() {
        dynamoDb.items = request -> Map.of("customerIds", AttributeValue.fromSs(List.of("owner-1")));
    }

    @Test
    void phonesOfOwners_keysLeftUnprocessedOnce_askedAgainAndFound() {
        AtomicInteger calls = new AtomicInteger();
        dynamoDb.batchGets = request -> {
            if (calls.getAndIncrement() % 2 == 0) {
                return BatchGetItemResponse.builder()
                        .unprocessedKeys(request.requestItems())
                        .build();
            }
            return BatchGetItemResponse.builder()
                    .responses(answer(request.requestItems().keySet().iterator().next()))
                    .build();
        };

        assertThat(fallback.phonesOfOwners(EMAIL)).extracting(c -> c.key()).containsExactly(PHONE);
    }

    /** Answering fewer phones than the owners have would lose a person without a trace: fail, be retried. */
    @Test
    void phonesOfOwners_keysNeverProcessed_throwsRatherThanAnswerNone() {
        dynamoDb.batchGets = request -> BatchGetItemResponse.builder()
                .unprocessedKeys(request.requestItems())
                .build();

        assertThatThrownBy(() -> fallback.phonesOfOwners(EMAIL)).isInstanceOf(BatchIncompleteException.class);
    }

    private static Map<String, List<Map<String, AttributeValue>>> answer(String table) {
        if (table.equals("subjects")) {
            return Map.of(
                    table,
                    List.of(Map.of(
                            "customerId", AttributeValue.fromS("owner-1"),
                            "phoneKey", AttributeValue.fromS(PHONE.value()))));
        }
        return Map.of(
                table,
                List.of(Map.of(
                        "contactKey", AttributeValue.fromS(PHONE.value()),
                        "valueCipher", AttributeValue.fromS("cipher"),
                        "dataKey", AttributeValue.fromS("key"),
                        "smsCapable", AttributeValue.fromBool(true))));
    }
}
