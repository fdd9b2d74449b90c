package com.breachnotice.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.delivery.ClaimOutcome;
import com.breachnotice.core.delivery.Delivery;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.emulator.ProvisionedStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbDeliveryLogIT {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final Instant LEASE = NOW.plus(Duration.ofMinutes(5));

    private static DynamoDbDeliveryLog log;
    private static String table = "";

    @BeforeAll
    static void provision() {
        ProvisionedStack stack = TestStacks.provision(DynamoDbDeliveryLogIT.class);
        table = stack.physicalId("DeliveryTable");
        log = new DynamoDbDeliveryLog(TestStacks.clients().dynamoDb(), table);
    }

    private static DeliveryId fresh(String campaign) {
        return new DeliveryId(TestStacks.emailKey(UUID.randomUUID().toString()), campaign, Channel.EMAIL);
    }

    @Test
    void claim_twiceWithLiveLease_secondIsHeldElsewhere() {
        DeliveryId id = fresh("c1");

        ClaimOutcome first = log.claim(id, "ref-1", NOW, LEASE);
        ClaimOutcome second = log.claim(id, "ref-2", NOW.plusSeconds(1), LEASE.plusSeconds(1));

        assertThat(first).isInstanceOf(ClaimOutcome.Claimed.class);
        assertThat(second).isEqualTo(new ClaimOutcome.HeldElsewhere(LEASE));
    }

    @Test
    void claim_afterRecord_isAlreadySettled() {
        DeliveryId id = fresh("c1");
        assertThat(log.claim(id, "ref", NOW, LEASE)).isInstanceOf(ClaimOutcome.Claimed.class);
        log.record(List.of(new DeliveryRecord(
                id, DeliveryStatus.SENT, "ref", Optional.of("msg-1"), Optional.empty(), NOW.plusSeconds(2))));

        assertThat(log.claim(id, "ref", NOW.plus(Duration.ofHours(1)), LEASE.plus(Duration.ofHours(1))))
                .isEqualTo(new ClaimOutcome.AlreadySettled(DeliveryStatus.SENT));
        Delivery stored = log.find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(stored.providerMessageId()).contains("msg-1");
        assertThat(stored.sentAt()).contains(NOW.plusSeconds(2));
    }

    @Test
    void claim_afterLeaseExpired_isClaimableAgain_andOldTokenCannotRelease() {
        DeliveryId id = fresh("c1");
        String crashed = ((ClaimOutcome.Claimed) log.claim(id, "ref-a", NOW, LEASE)).token();

        ClaimOutcome again = log.claim(id, "ref-b", LEASE.plusMillis(1), LEASE.plus(Duration.ofMinutes(5)));

        assertThat(again).isInstanceOf(ClaimOutcome.Claimed.class);
        assertThat(((ClaimOutcome.Claimed) again).token()).isNotEqualTo(crashed);
        log.release(id, crashed);
        assertThat(log.find(id)).isPresent();
        assertThat(log.findByReferenceHash("ref-b")).map(Delivery::id).contains(id);
    }

    @Test
    void release_makesTheDeliveryClaimableAtOnce_onlyForTheHolder() {
        DeliveryId id = fresh("c1");
        String token = ((ClaimOutcome.Claimed) log.claim(id, "ref", NOW, LEASE)).token();

        log.release(id, "someone-else");
        assertThat(log.find(id)).isPresent();
        log.release(id, token);

        assertThat(log.find(id)).isEmpty();
        assertThat(log.claim(id, "ref", NOW, LEASE)).isInstanceOf(ClaimOutcome.Claimed.class);
    }

    @Test
    void record_afterClaim_replacesTheClaimItemSoNothingIsLeftSending() {
        DeliveryId id = new DeliveryId(TestStacks.emailKey(UUID.randomUUID().toString()), "c1", Channel.SMS);
        assertThat(log.claim(id, "ref", NOW, LEASE)).isInstanceOf(ClaimOutcome.Claimed.class);

        log.record(List.of(new DeliveryRecord(
                id, DeliveryStatus.SENT, "ref", Optional.of("sns-1"), Optional.empty(), NOW.plusSeconds(1))));

        Map<String, AttributeValue> item = TestStacks.clients()
                .dynamoDb()
                .getItem(b -> b.tableName(table)
                        .key(Map.of(
                                "contactKey",
                                AttributeValue.fromS(id.contact().value()),
                                "notice",
                                AttributeValue.fromS(id.notice())))
                        .consistentRead(true))
                .item();
        assertThat(item.get("status").s()).isEqualTo("sent");
        assertThat(item).doesNotContainKeys("claimToken", "leaseUntil");
        assertThat(log.recorded(List.of(id))).isEqualTo(Map.of(id, DeliveryStatus.SENT));
        assertThat(log.claim(id, "ref", NOW.plusSeconds(2), LEASE.plusSeconds(2)))
                .isEqualTo(new ClaimOutcome.AlreadySettled(DeliveryStatus.SENT));
        assertThat(log.find(id).orElseThrow().providerMessageId()).contains("sns-1");
    }

    @Test
    void recorded_claimWithoutRecord_isNotRecordedAndClaimableOnlyAfterItsLease() {
        DeliveryId id = new DeliveryId(TestStacks.emailKey(UUID.randomUUID().toString()), "c1", Channel.SMS);
        assertThat(log.claim(id, "ref", NOW, LEASE)).isInstanceOf(ClaimOutcome.Claimed.class);

        assertThat(log.recorded(List.of(id))).isEmpty();
        assertThat(log.claim(id, "ref", LEASE, LEASE.plusSeconds(60))).isEqualTo(new ClaimOutcome.HeldElsewhere(LEASE));
        assertThat(log.claim(id, "ref", LEASE.plusMillis(1), LEASE.plusSeconds(60)))
                .isInstanceOf(ClaimOutcome.Claimed.class);
    }

    @Test
    void advance_isMonotonic() {
        DeliveryId id = fresh("c1");
        settle(id, NOW);

        assertThat(log.advance(id, DeliveryStatus.BOUNCED, "Permanent", NOW.plusSeconds(10)))
                .isTrue();
        assertThat(log.advance(id, DeliveryStatus.DELIVERED, null, NOW.plusSeconds(20)))
                .isFalse();
        assertThat(log.advance(id, DeliveryStatus.BOUNCED, null, NOW.plusSeconds(30)))
                .isFalse();
        assertThat(log.advance(fresh("c1"), DeliveryStatus.DELIVERED, null, NOW))
                .isFalse();

        Delivery stored = log.find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(DeliveryStatus.BOUNCED);
        assertThat(stored.reason()).contains("Permanent");
        assertThat(log.advance(id, DeliveryStatus.COMPLAINED, null, NOW.plusSeconds(40)))
                .isTrue();
    }

    @Test
    void forContact_listsEveryNoticeOfOneContact() {
        ContactKey contact = TestStacks.emailKey(UUID.randomUUID().toString());
        DeliveryId older = new DeliveryId(contact, "zz-first", Channel.EMAIL);
        DeliveryId newer = new DeliveryId(contact, "aa-revised", Channel.EMAIL);
        settle(older, NOW);
        settle(newer, NOW.plus(Duration.ofDays(3)));

        assertThat(log.forContact(contact)).extracting(Delivery::id).containsExactly(older, newer);
    }

    private static void settle(DeliveryId id, Instant at) {
        log.record(List.of(new DeliveryRecord(
                id,
                DeliveryStatus.SENT,
                "ref-" + UUID.randomUUID(),
                Optional.of("m-" + id.notice()),
                Optional.empty(),
                at)));
    }
}
