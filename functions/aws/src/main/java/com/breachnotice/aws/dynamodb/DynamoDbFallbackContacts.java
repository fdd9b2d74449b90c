package com.breachnotice.aws.dynamodb;

import static com.breachnotice.aws.dynamodb.Attributes.flag;
import static com.breachnotice.aws.dynamodb.Attributes.s;
import static com.breachnotice.aws.dynamodb.Attributes.string;
import static com.breachnotice.aws.dynamodb.Attributes.strings;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.events.FallbackContacts;
import com.breachnotice.core.registry.StoredContact;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * {@link FallbackContacts} on the registry: the bounced email's contact item names its owners
 * ({@code customerIds}), their subject items name their phones ({@code phoneKey}), and the phones'
 * contact items are read as stored. Three small reads per hard bounce, which are rare.
 */
public final class DynamoDbFallbackContacts implements FallbackContacts {

    /** More owners than this for one address is not a person's address: no fallback fan-out. */
    static final int MAX_OWNERS = 100;

    private final DynamoDbClient dynamoDb;
    private final DynamoDbBatches batches;
    private final String contactTable;
    private final String subjectTable;

    public DynamoDbFallbackContacts(DynamoDbClient dynamoDb, String contactTable, String subjectTable) {
        this(dynamoDb, new DynamoDbBatches(dynamoDb), contactTable, subjectTable);
    }

    DynamoDbFallbackContacts(
            DynamoDbClient dynamoDb, DynamoDbBatches batches, String contactTable, String subjectTable) {
        this.dynamoDb = dynamoDb;
        this.batches = batches;
        this.contactTable = contactTable;
        this.subjectTable = subjectTable;
    }

    @Override
    public List<StoredContact> phonesOfOwners(ContactKey email) {
        Map<String, AttributeValue> contact = dynamoDb.getItem(b -> b.tableName(contactTable)
                        .key(Map.of("contactKey", s(email.value())))
                        .projectionExpression("customerIds"))
                .item();
        List<String> owners = contact == null ? List.of() : strings(contact, "customerIds");
        if (owners.isEmpty() || owners.size() > MAX_OWNERS) {
            return List.of();
        }
        Set<String> phones = new LinkedHashSet<>();
        for (Map<String, AttributeValue> subject :
                batchGet(subjectTable, "customerId", owners, "customerId, phoneKey")) {
            string(subject, "phoneKey").ifPresent(phones::add);
        }
        if (phones.isEmpty()) {
            return List.of();
        }
        List<StoredContact> found = new ArrayList<>();
        for (Map<String, AttributeValue> item : batchGet(contactTable, "contactKey", List.copyOf(phones), null)) {
            // The port promises SMS-capable phones: a landline is kept for the lookup, never texted.
            if (flag(item, "smsCapable")
                    && string(item, "valueCipher").isPresent()
                    && string(item, "dataKey").isPresent()) {
                found.add(ContactItems.stored(item));
            }
        }
        return found;
    }

    private List<Map<String, AttributeValue>> batchGet(
            String table, String keyName, List<String> keys, @Nullable String projection) {
        KeysAndAttributes.Builder read = KeysAndAttributes.builder()
                .keys(keys.stream().map(key -> Map.of(keyName, s(key))).toList());
        if (projection != null) {
            read.projectionExpression(projection);
        }
        // Fewer phones than the owners have would lose a person silently: when DynamoDB keeps
        // leaving keys unprocessed this throws, and the event is retried by Lambda.
        return batches.get(table, read.build());
    }
}
