package com.breachnotice.core.testing.contracts;

import static com.breachnotice.core.testing.contracts.ContractData.NOW;
import static com.breachnotice.core.testing.contracts.ContractData.delivery;
import static com.breachnotice.core.testing.contracts.ContractData.sent;
import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.delivery.ClaimOutcome;
import com.breachnotice.core.delivery.DeliveryClaims;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeliveryClaims} does, run against the in-memory fake and the DynamoDB adapter
 * (the model: Powertools' idempotency persistence-store tests).
 */
public abstract class DeliveryClaimsContract {

    private static final Instant LEASE = NOW.plus(Duration.ofMinutes(5));

    /** A table for one test (it may be shared with others; every test uses fresh keys). */
    protected abstract DeliveryTable table();

    private DeliveryClaims claims() {
        return table().claims();
    }

    private static String token(ClaimOutcome outcome) {
        assertThat(outcome).isInstanceOf(ClaimOutcome.Claimed.class);
        return ((ClaimOutcome.Claimed) outcome).token();
    }

    @Test
    void claim_fresh_claimedAndFoundSendingWithItsReference() {
        DeliveryId id = delivery();

        token(claims().claim(id, "ref-1", NOW, LEASE));

        assertThat(table().updates().find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.SENDING);
        assertThat(table().history().findByReferenceHash("ref-1"))
                .hasValueSatisfying(d -> assertThat(d.id()).isEqualTo(id));
        assertThat(table().recorder().recorded(List.of(id))).isEmpty();
    }

    @Test
    void claim_whileTheLeaseIsLive_heldElsewhereUntilTheLeaseInclusive() {
        DeliveryId id = delivery();
        token(claims().claim(id, "ref-1", NOW, LEASE));

        assertThat(claims().claim(id, "ref-2", NOW.plusSeconds(1), LEASE.plusSeconds(1)))
                .isEqualTo(new ClaimOutcome.HeldElsewhere(LEASE));
        assertThat(claims().claim(id, "ref-2", LEASE, LEASE.plusSeconds(60)))
                .isEqualTo(new ClaimOutcome.HeldElsewhere(LEASE));
    }

    @Test
    void claim_afterTheLease_claimedAgainWithANewTokenAndTheOldTokenCannotRelease() {
        DeliveryId id = delivery();
        String crashed = token(claims().claim(id, "ref-a", NOW, LEASE));

        String again = token(claims().claim(id, "ref-b", LEASE.plusMillis(1), LEASE.plus(Duration.ofMinutes(5))));
        claims().release(id, crashed);

        assertThat(again).isNotEqualTo(crashed);
        assertThat(table().updates().find(id)).isPresent();
        assertThat(claims().claim(id, "ref-c", LEASE.plusSeconds(1), LEASE.plusSeconds(60)))
                .isInstanceOf(ClaimOutcome.HeldElsewhere.class);
        assertThat(table().history().findByReferenceHash("ref-b")).isPresent();
    }

    @Test
    void claim_recorded_alreadySettledWithTheRecordedStatus() {
        DeliveryId id = delivery();
        table().recorder().record(List.of(sent(id, "ref", NOW)));

        assertThat(claims().claim(id, "ref", NOW.plus(Duration.ofHours(1)), LEASE.plus(Duration.ofHours(1))))
                .isEqualTo(new ClaimOutcome.AlreadySettled(DeliveryStatus.SENT));
    }

    @Test
    void release_byTheHolder_gone_andClaimableAtOnce() {
        DeliveryId id = delivery();
        String token = token(claims().claim(id, "ref", NOW, LEASE));

        claims().release(id, token);

        assertThat(table().updates().find(id)).isEmpty();
        token(claims().claim(id, "ref", NOW, LEASE));
    }

    @Test
    void release_byAnotherToken_changesNothing() {
        DeliveryId id = delivery();
        token(claims().claim(id, "ref", NOW, LEASE));

        claims().release(id, "someone-else");

        assertThat(claims().claim(id, "ref", NOW, LEASE)).isEqualTo(new ClaimOutcome.HeldElsewhere(LEASE));
    }

    @Test
    void release_afterTheRecord_keepsTheRecord() {
        DeliveryId id = delivery();
        String token = token(claims().claim(id, "ref", NOW, LEASE));
        table().recorder().record(List.of(sent(id, "ref", NOW.plusSeconds(1))));

        claims().release(id, token);

        assertThat(table().updates().find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
    }
}
