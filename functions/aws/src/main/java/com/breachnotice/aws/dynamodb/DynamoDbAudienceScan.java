package com.breachnotice.aws.dynamodb;

import static com.breachnotice.aws.dynamodb.Attributes.requiredString;
import static com.breachnotice.aws.dynamodb.Attributes.s;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.planning.AudienceScan;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * {@link AudienceScan} by full scans of the deliveries and contacts tables, projected to the key
 * (and the status), eventually consistent. Read capacity is charged on whole items: at 33.7 million
 * contacts that is about 10 GB of each table, minutes and a few dollars, once per revised launch.
 */
public final class DynamoDbAudienceScan implements AudienceScan {

    private final DynamoDbClient dynamoDb;
    private final String contactTable;
    private final String deliveryTable;

    public DynamoDbAudienceScan(DynamoDbClient dynamoDb, String contactTable, String deliveryTable) {
        this.dynamoDb = dynamoDb;
        this.contactTable = contactTable;
        this.deliveryTable = deliveryTable;
    }

    @Override
    public long[] campaignContacts(String campaignId, boolean terminalOnly) {
        Fingerprints found = new Fingerprints();
        scan(
                ScanRequest.builder()
                        .tableName(deliveryTable)
                        .filterExpression("campaignId = :c")
                        .expressionAttributeValues(Map.of(":c", s(campaignId)))
                        .projectionExpression("contactKey, #s")
                        .expressionAttributeNames(Map.of("#s", "status"))
                        .build(),
                item -> {
                    if (!terminalOnly
                            || DeliveryStatus.ofCode(requiredString(item, "status"))
                                    .terminal()) {
                        found.add(item);
                    }
                });
        return found.toArray();
    }

    @Override
    public long[] registryContacts() {
        Fingerprints found = new Fingerprints();
        scan(
                ScanRequest.builder()
                        .tableName(contactTable)
                        .projectionExpression("contactKey")
                        .build(),
                found::add);
        return found.toArray();
    }

    private void scan(ScanRequest request, Consumer<Map<String, AttributeValue>> onItem) {
        dynamoDb.scanPaginator(request).items().forEach(onItem);
    }

    /** A growable array of fingerprints: 8 bytes a contact, not a set of 65-character strings. */
    private static final class Fingerprints {
        private long[] values = new long[1024];
        private int size;

        void add(Map<String, AttributeValue> item) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = AudienceScan.fingerprint(new ContactKey(requiredString(item, "contactKey")));
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
