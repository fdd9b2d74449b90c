package com.breachnotice.aws.dynamodb;

import static com.breachnotice.aws.dynamodb.Attributes.s;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.registry.ContactBook;
import com.breachnotice.core.registry.StoredContact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * {@link ContactBook} on the contacts table: {@code BatchGetItem} in chunks of 100 keys, with the
 * unprocessed keys DynamoDB hands back (under load) asked again with backoff until none are left.
 */
public final class DynamoDbContactBook implements ContactBook {

    static final int MAX_KEYS = 100;
    static final int MAX_ROUNDS = 10;

    private final DynamoDbClient dynamoDb;
    private final String contactTable;
    private final Duration baseBackoff;

    public DynamoDbContactBook(DynamoDbClient dynamoDb, String contactTable) {
        this(dynamoDb, contactTable, Duration.ofMillis(50));
    }

    DynamoDbContactBook(DynamoDbClient dynamoDb, String contactTable, Duration baseBackoff) {
        this.dynamoDb = dynamoDb;
        this.contactTable = contactTable;
        this.baseBackoff = baseBackoff;
    }

    @Override
    public Map<ContactKey, StoredContact> find(Collection<ContactKey> keys) {
        // BatchGetItem refuses a request naming the same key twice.
        List<ContactKey> unique = new ArrayList<>(new LinkedHashSet<>(keys));
        Map<ContactKey, StoredContact> found = new HashMap<>();
        for (int from = 0; from < unique.size(); from += MAX_KEYS) {
            List<Map<String, AttributeValue>> chunk =
                    unique.subList(from, Math.min(unique.size(), from + MAX_KEYS)).stream()
                            .map(key -> Map.of("contactKey", s(key.value())))
                            .toList();
            fetch(chunk, found);
        }
        return found;
    }

    private void fetch(List<Map<String, AttributeValue>> keys, Map<ContactKey, StoredContact> found) {
        Map<String, KeysAndAttributes> request =
                Map.of(contactTable, KeysAndAttributes.builder().keys(keys).build());
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (round > 0) {
                sleep(round);
            }
            Map<String, KeysAndAttributes> asked = request;
            BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(asked));
            response.responses().getOrDefault(contactTable, List.of()).forEach(item -> {
                StoredContact contact = ContactItems.stored(item);
                found.put(contact.key(), contact);
            });
            Map<String, KeysAndAttributes> unprocessed = response.unprocessedKeys();
            if (unprocessed.isEmpty() || !unprocessed.containsKey(contactTable)) {
                return;
            }
            request = unprocessed;
        }
        throw new IllegalStateException(
                "contacts table kept returning unprocessed keys after " + MAX_ROUNDS + " rounds");
    }

    private void sleep(int round) {
        try {
            Thread.sleep(Math.min(2_000, baseBackoff.toMillis() << (round - 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading contacts", e);
        }
    }
}
