package com.breachnotice.core.testing.contracts;

import static com.breachnotice.core.testing.contracts.ContractData.NOW;
import static com.breachnotice.core.testing.contracts.ContractData.delivery;
import static com.breachnotice.core.testing.contracts.ContractData.failed;
import static com.breachnotice.core.testing.contracts.ContractData.proof;
import static com.breachnotice.core.testing.contracts.ContractData.sent;
import static com.breachnotice.core.testing.contracts.ContractData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.delivery.ClaimOutcome;
import com.breachnotice.core.delivery.Delivery;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryRecorder;
import com.breachnotice.core.delivery.DeliveryStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link DeliveryRecorder} does, run against the in-memory fake and the DynamoDB adapter. */
public abstract class DeliveryRecorderContract {

    protected abstract DeliveryTable table();

    private DeliveryRecorder recorder() {
        return table().recorder();
    }

    @Test
    void record_afterAClaim_replacesTheClaimWhole() {
        DeliveryId id = delivery();
        assertThat(table().claims().claim(id, "ref", NOW, NOW.plusSeconds(60)))
                .isInstanceOf(ClaimOutcome.Claimed.class);

        recorder().record(List.of(sent(id, "ref", NOW.plusSeconds(1))));

        Delivery stored = table().updates().find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(stored.sentAt()).contains(NOW.plusSeconds(1));
        assertThat(stored.updatedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(stored.providerMessageId()).isPresent();
        assertThat(recorder().recorded(List.of(id))).isEqualTo(Map.of(id, DeliveryStatus.SENT));
    }

    @Test
    void record_failed_keepsTheReasonAndNoSendTime() {
        DeliveryId id = delivery();

        recorder().record(List.of(failed(id, "ses:MESSAGE_REJECTED", NOW)));

        Delivery stored = table().updates().find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(stored.reason()).contains("ses:MESSAGE_REJECTED");
        assertThat(stored.sentAt()).isEmpty();
        assertThat(stored.providerMessageId()).isEmpty();
    }

    @Test
    void record_whatThePersonWasTold_readBackWhole() {
        DeliveryId id = delivery();
        DeliveryId without = delivery();

        recorder()
                .record(List.of(
                        new DeliveryRecord(
                                id,
                                DeliveryStatus.SENT,
                                "ref",
                                Optional.of("m"),
                                Optional.empty(),
                                NOW,
                                Optional.of(proof())),
                        sent(without, "ref-2", NOW)));

        assertThat(table().updates().find(id).orElseThrow().told()).contains(proof());
        assertThat(table().updates().find(without).orElseThrow().told()).isEmpty();
    }

    @Test
    void record_manyInOneCall_everyOneWritten_andWritingAgainIsHarmless() {
        String campaign = unique("many");
        List<DeliveryRecord> records = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            records.add(
                    i % 10 == 7
                            ? failed(delivery(campaign, Channel.EMAIL), "r", NOW)
                            : sent(delivery(campaign, Channel.EMAIL), "ref-" + i + campaign, NOW));
        }

        recorder().record(records);
        recorder().record(records);

        Map<DeliveryId, DeliveryStatus> expected = new HashMap<>();
        records.forEach(r -> expected.put(r.id(), r.status()));
        assertThat(recorder().recorded(records.stream().map(DeliveryRecord::id).toList()))
                .isEqualTo(expected);
    }

    @Test
    void recorded_moreIdsThanOneRead_withRepeatsClaimedAndUnknown_onlyTheRecordedOnes() {
        String campaign = unique("read");
        List<DeliveryRecord> records = new ArrayList<>();
        for (int i = 0; i < 110; i++) {
            records.add(sent(delivery(campaign, Channel.SMS), "ref-" + i + campaign, NOW));
        }
        recorder().record(records);
        DeliveryId claimedOnly = delivery(campaign, Channel.SMS);
        table().claims().claim(claimedOnly, "ref", NOW, NOW.plus(Duration.ofMinutes(1)));
        List<DeliveryId> asked =
                new ArrayList<>(records.stream().map(DeliveryRecord::id).toList());
        asked.add(records.get(0).id());
        asked.add(claimedOnly);
        asked.add(delivery(campaign, Channel.SMS));

        Map<DeliveryId, DeliveryStatus> found = recorder().recorded(asked);

        assertThat(found).hasSize(110).doesNotContainKey(claimedOnly);
        assertThat(found.values()).containsOnly(DeliveryStatus.SENT);
    }

    @Test
    void recorded_nothingAsked_nothingFound() {
        assertThat(recorder().recorded(List.of())).isEmpty();
    }

    @Test
    void recordUnreachable_once_thenFalseAndUnchanged() {
        DeliveryId id = delivery();

        assertThat(recorder().recordUnreachable(id, "no_mobile", NOW)).isTrue();
        assertThat(recorder().recordUnreachable(id, "other", NOW.plusSeconds(1)))
                .isFalse();

        Delivery stored = table().updates().find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(stored.reason()).contains("no_mobile");
        assertThat(recorder().recorded(List.of(id))).isEqualTo(Map.of(id, DeliveryStatus.FAILED));
    }

    @Test
    void recordUnreachable_claimedOrRecordedDelivery_false() {
        DeliveryId claimed = delivery();
        DeliveryId recorded = delivery();
        table().claims().claim(claimed, "ref", NOW, NOW.plusSeconds(60));
        recorder().record(List.of(sent(recorded, "ref-2", NOW)));

        assertThat(recorder().recordUnreachable(claimed, "no_mobile", NOW)).isFalse();
        assertThat(recorder().recordUnreachable(recorded, "no_mobile", NOW)).isFalse();
        assertThat(table().updates().find(recorded).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
    }
}
