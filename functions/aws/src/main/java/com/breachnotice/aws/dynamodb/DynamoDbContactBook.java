package com.breachnotice.aws.dynamodb;

import static com.breachnotice.aws.dynamodb.Attributes.s;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.registry.ContactBook;
import com.breachnotice.core.registry.StoredContact;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * {@link ContactBook} on the contacts table: one batch read through {@link DynamoDbBatches}, which
 * asks again for the keys DynamoDB leaves unprocessed under load.
 */
public final class DynamoDbContactBook implements ContactBook {

    private final DynamoDbBatches batches;
    private final String contactTable;

    public DynamoDbContactBook(DynamoDbClient dynamoDb, String contactTable) {
        this(new DynamoDbBatches(dynamoDb), contactTable);
    }

    DynamoDbContactBook(DynamoDbBatches batches, String contactTable) {
        this.batches = batches;
        this.contactTable = contactTable;
    }

    @Override
    public Map<ContactKey, StoredContact> find(Collection<ContactKey> keys) {
        Map<ContactKey, StoredContact> found = new HashMap<>();
        KeysAndAttributes read = KeysAndAttributes.builder()
                .keys(keys.stream()
                        .map(key -> Map.of("contactKey", s(key.value())))
                        .toList())
                .build();
        batches.get(contactTable, read, item -> {
            StoredContact contact = ContactItems.stored(item);
            found.put(contact.key(), contact);
        });
        return found;
    }
}
