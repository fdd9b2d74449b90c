package com.breachnotice.aws.dynamodb;

import static com.breachnotice.aws.dynamodb.Attributes.millis;
import static com.breachnotice.aws.dynamodb.Attributes.requiredString;
import static com.breachnotice.aws.dynamodb.Attributes.s;

import com.breachnotice.aws.incident.IncidentJson;
import com.breachnotice.core.incident.IncidentDescription;
import com.breachnotice.core.incident.IncidentStore;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * {@link IncidentStore} as one item of the campaigns table, {@code campaignId = "#incident"},
 * {@code entry = "description"} (no campaign id can start with '#'), holding the description in its
 * file format. The lookup already reads this table; the code sender is granted {@code GetItem} on
 * this one key only (template.yaml). A published description is replaced whole: the page, the
 * notices launched after it and the code messages then all show the new facts.
 */
public final class DynamoDbIncidentStore implements IncidentStore {

    static final String PARTITION = "#incident";
    static final String ENTRY = "description";

    private final DynamoDbClient dynamoDb;
    private final String campaignTable;

    public DynamoDbIncidentStore(DynamoDbClient dynamoDb, String campaignTable) {
        this.dynamoDb = dynamoDb;
        this.campaignTable = campaignTable;
    }

    @Override
    public void publish(IncidentDescription description) {
        dynamoDb.putItem(b -> b.tableName(campaignTable)
                .item(Map.of(
                        "campaignId", s(PARTITION),
                        "entry", s(ENTRY),
                        "document", s(IncidentJson.write(description)),
                        "updatedAt", millis(description.updatedAt()))));
    }

    @Override
    public Optional<IncidentDescription> current() {
        GetItemResponse response = dynamoDb.getItem(b -> b.tableName(campaignTable)
                .key(Map.of("campaignId", s(PARTITION), "entry", s(ENTRY)))
                .projectionExpression("document"));
        Map<String, AttributeValue> item = response.item();
        if (!response.hasItem() || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(IncidentJson.parse(requiredString(item, "document"), "the published incident"));
    }
}
