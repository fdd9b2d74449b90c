package com.breachnotice.core.testing.contracts;

import static com.breachnotice.core.testing.contracts.ContractData.NOW;
import static com.breachnotice.core.testing.contracts.ContractData.delivery;
import static com.breachnotice.core.testing.contracts.ContractData.sent;
import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.delivery.Delivery;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.DeliveryStatusUpdates;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link DeliveryStatusUpdates} does, run against the in-memory fake and the DynamoDB adapter. */
public abstract class DeliveryStatusUpdatesContract {

    protected abstract DeliveryTable table();

    private DeliveryStatusUpdates updates() {
        return table().updates();
    }

    @Test
    void advance_onlyToAHigherRank_lateAndRepeatedEventsChangeNothing() {
        DeliveryId id = delivery();
        table().recorder().record(List.of(sent(id, "ref", NOW)));

        assertThat(updates().advance(id, DeliveryStatus.BOUNCED, "Permanent", NOW.plusSeconds(10)))
                .isTrue();
        assertThat(updates().advance(id, DeliveryStatus.DELIVERED, null, NOW.plusSeconds(20)))
                .isFalse();
        assertThat(updates().advance(id, DeliveryStatus.BOUNCED, null, NOW.plusSeconds(30)))
                .isFalse();

        Delivery stored = updates().find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(DeliveryStatus.BOUNCED);
        assertThat(stored.reason()).contains("Permanent");
        assertThat(stored.updatedAt()).isEqualTo(NOW.plusSeconds(10));
        assertThat(stored.sentAt()).contains(NOW);
        assertThat(updates().advance(id, DeliveryStatus.COMPLAINED, null, NOW.plusSeconds(40)))
                .isTrue();
    }

    @Test
    void advance_notRecordedYet_falseAndNothingStored() {
        DeliveryId id = delivery();

        assertThat(updates().advance(id, DeliveryStatus.DELIVERED, null, NOW)).isFalse();
        assertThat(updates().find(id)).isEmpty();
    }

    @Test
    void advance_toSending_never() {
        DeliveryId id = delivery();
        table().recorder().record(List.of(sent(id, "ref", NOW)));

        assertThat(updates().advance(id, DeliveryStatus.SENDING, null, NOW)).isFalse();
        assertThat(updates().find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void find_absent_empty() {
        assertThat(updates().find(delivery())).isEmpty();
    }
}
