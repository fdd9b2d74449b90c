package com.breachnotice.aws.dynamodb;

import static com.breachnotice.aws.dynamodb.Attributes.s;
import static com.breachnotice.aws.dynamodb.Attributes.string;

import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.RecipientMasks;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link RecipientMasks} as the {@code recipientMask} attribute of the delivery's own item. */
public final class DynamoDbRecipientMasks implements RecipientMasks {

    static final String ATTRIBUTE = "recipientMask";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbRecipientMasks(DynamoDbClient dynamoDb, String deliveryTable) {
        this.dynamoDb = dynamoDb;
        this.table = deliveryTable;
    }

    @Override
    public void remember(DeliveryId delivery, String mask) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(key(delivery))
                    .updateExpression("SET #m = :m")
                    .conditionExpression("attribute_exists(#k)")
                    .expressionAttributeNames(Map.of("#m", ATTRIBUTE, "#k", "contactKey"))
                    .expressionAttributeValues(Map.of(":m", s(mask))));
        } catch (ConditionalCheckFailedException noSuchDelivery) {
            // Never creates a bare item: a delivery that does not exist has no recipient to show.
        }
    }

    @Override
    public Optional<String> find(DeliveryId delivery) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                        .key(key(delivery))
                        .projectionExpression("#m")
                        .expressionAttributeNames(Map.of("#m", ATTRIBUTE)))
                .item();
        return item == null ? Optional.empty() : string(item, ATTRIBUTE);
    }

    private static Map<String, AttributeValue> key(DeliveryId id) {
        return Map.of("contactKey", s(id.contact().value()), "notice", s(id.notice()));
    }
}
