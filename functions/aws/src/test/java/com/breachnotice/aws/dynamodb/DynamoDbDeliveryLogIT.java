package com.breachnotice.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.delivery.ClaimOutcome;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.NoticeProof;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the contracts (DynamoDbDelivery*IT) cannot see: the items as stored. The behaviour of every
 * role is in the contract suites.
 */
class DynamoDbDeliveryLogIT {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");

    private final String table = ContractStack.stack().physicalId("DeliveryTable");
    private final DynamoDbDeliveryLog log =
            new DynamoDbDeliveryLog(TestStacks.clients().dynamoDb(), table);

    private Map<String, AttributeValue> item(DeliveryId id) {
        return TestStacks.clients()
                .dynamoDb()
                .getItem(b -> b.tableName(table)
                        .key(Map.of(
                                "contactKey",
                                AttributeValue.fromS(id.contact().value()),
                                "notice",
                                AttributeValue.fromS(id.notice())))
                        .consistentRead(true))
                .item();
    }

    @Test
    void record_afterClaim_noClaimTokenOrLeaseLeftOnTheItem() {
        DeliveryId id = new DeliveryId(TestStacks.emailKey(UUID.randomUUID().toString()), "c1", Channel.SMS);
        assertThat(log.claim(id, "ref", NOW, NOW.plus(Duration.ofMinutes(5)))).isInstanceOf(ClaimOutcome.Claimed.class);

        log.record(List.of(new DeliveryRecord(
                id, DeliveryStatus.SENT, "ref", Optional.of("sns-1"), Optional.empty(), NOW.plusSeconds(1))));

        assertThat(item(id).get("status").s()).isEqualTo("sent");
        assertThat(item(id)).doesNotContainKeys("claimToken", "leaseUntil");
    }

    @Test
    void record_whatThePersonWasTold_smallFlatAttributes() {
        DeliveryId id = new DeliveryId(TestStacks.emailKey(UUID.randomUUID().toString()), "c1", Channel.EMAIL);
        NoticeProof told = new NoticeProof(
                "first", "0123456789ab", List.of(ItemKind.NAME, ItemKind.PHONE), NoticeLocale.EN, "cd".repeat(32));

        log.record(List.of(new DeliveryRecord(
                id, DeliveryStatus.SENT, "ref", Optional.of("ses-1"), Optional.empty(), NOW, Optional.of(told))));

        assertThat(item(id))
                .containsEntry("noticeName", AttributeValue.fromS("first"))
                .containsEntry("noticeVersion", AttributeValue.fromS("0123456789ab"))
                .containsEntry("items", AttributeValue.fromS("name,phone"))
                .containsEntry("locale", AttributeValue.fromS("en"))
                .containsEntry("messageHash", AttributeValue.fromS("cd".repeat(32)));
    }
}
