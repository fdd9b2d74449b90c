package com.breachnotice.aws.dynamodb;

import static com.breachnotice.aws.dynamodb.Attributes.s;

import com.breachnotice.core.planning.ContactDirectory;
import com.breachnotice.core.planning.ContactPage;
import com.breachnotice.core.planning.ContactProfile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * {@link ContactDirectory} as a parallel {@code Scan} of the contacts table. Only the attributes a
 * {@link ContactProfile} needs are read (never the sealed values), which keeps a page cheap. The
 * table's key is {@code contactKey} alone, so the opaque start key is just the last evaluated
 * contact key.
 */
public final class DynamoDbContactDirectory implements ContactDirectory {

    private final DynamoDbClient dynamoDb;
    private final String contactTable;

    public DynamoDbContactDirectory(DynamoDbClient dynamoDb, String contactTable) {
        this.dynamoDb = dynamoDb;
        this.contactTable = contactTable;
    }

    @Override
    public ContactPage scan(int segment, int totalSegments, Optional<String> startKey, int pageSize) {
        // Whole items: a scan costs by the size of what it reads, not of what it returns, so the
        // sealed contact travels with the notice job and spares the sender a read per job.
        ScanRequest.Builder request = ScanRequest.builder()
                .tableName(contactTable)
                .segment(segment)
                .totalSegments(totalSegments)
                .limit(pageSize);
        startKey.ifPresent(key -> request.exclusiveStartKey(Map.of("contactKey", s(key))));
        ScanResponse response = dynamoDb.scan(request.build());
        List<ContactProfile> profiles =
                response.items().stream().map(ContactItems::profileWithContact).toList();
        Optional<String> next = Optional.empty();
        if (response.hasLastEvaluatedKey()) {
            AttributeValue last = response.lastEvaluatedKey().get("contactKey");
            if (last != null && last.s() != null) {
                next = Optional.of(last.s());
            }
        }
        return new ContactPage(profiles, next);
    }
}
