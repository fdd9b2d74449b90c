package com.breachnotice.core.testing.contracts;

import static com.breachnotice.core.testing.contracts.ContractData.NOW;
import static com.breachnotice.core.testing.contracts.ContractData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.delivery.DeliveryCounts;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.JobClaim;
import com.breachnotice.core.delivery.JobKey;
import com.breachnotice.core.delivery.JobLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link JobLedger} does, run against the in-memory fake and the DynamoDB adapter. */
public abstract class JobLedgerContract {

    private static final Instant LEASE = NOW.plus(Duration.ofMinutes(2));

    protected abstract JobLedger ledger();

    private static JobKey job(String campaign) {
        return new JobKey(campaign, Channel.EMAIL, UUID.randomUUID().toString().replace("-", ""));
    }

    private static JobClaim.Claimed claimed(JobClaim claim) {
        assertThat(claim).isInstanceOf(JobClaim.Claimed.class);
        return (JobClaim.Claimed) claim;
    }

    @Test
    void claim_fresh_claimedNotATakeover() {
        assertThat(claimed(ledger().claim(job(unique("j")), 50, NOW, LEASE)).takeover())
                .isFalse();
    }

    @Test
    void claim_whileTheLeaseIsLive_heldElsewhereUntilTheLeaseInclusive() {
        JobKey job = job(unique("j"));
        claimed(ledger().claim(job, 50, NOW, LEASE));

        assertThat(ledger().claim(job, 50, NOW.plusSeconds(1), LEASE.plusSeconds(1)))
                .isEqualTo(new JobClaim.HeldElsewhere(LEASE));
        assertThat(ledger().claim(job, 50, LEASE, LEASE.plusSeconds(60))).isEqualTo(new JobClaim.HeldElsewhere(LEASE));
    }

    @Test
    void claim_afterTheLease_takenOverWithANewToken_theOldTokenCannotComplete() {
        JobKey job = job(unique("j"));
        String stale = claimed(ledger().claim(job, 50, NOW, LEASE)).token();

        JobClaim.Claimed takeover =
                claimed(ledger().claim(job, 50, LEASE.plusMillis(1), LEASE.plus(Duration.ofMinutes(2))));

        assertThat(takeover.takeover()).isTrue();
        assertThat(takeover.token()).isNotEqualTo(stale);
        assertThat(ledger().complete(job, stale, 50, 0, LEASE)).isFalse();
        assertThat(ledger().complete(job, takeover.token(), 48, 2, LEASE)).isTrue();
    }

    @Test
    void complete_byTheHolder_doneForEver_andCompletingAgainIsHarmless() {
        JobKey job = job(unique("j"));
        String token = claimed(ledger().claim(job, 50, NOW, LEASE)).token();

        assertThat(ledger().complete(job, token, 50, 0, NOW.plusSeconds(1))).isTrue();
        assertThat(ledger().complete(job, token, 50, 0, NOW.plusSeconds(2))).isTrue();
        assertThat(ledger().complete(job, "another-token", 50, 0, NOW)).isFalse();
        assertThat(ledger().claim(job, 50, NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(2))))
                .isEqualTo(new JobClaim.Done());
    }

    @Test
    void release_byTheHolderOnly_thenClaimableAtOnceAsATakeover() {
        JobKey job = job(unique("j"));
        String token = claimed(ledger().claim(job, 3, NOW, LEASE)).token();

        ledger().release(job, "someone-else");
        assertThat(ledger().claim(job, 3, NOW, LEASE)).isInstanceOf(JobClaim.HeldElsewhere.class);
        ledger().release(job, token);

        assertThat(claimed(ledger().claim(job, 3, NOW, LEASE)).takeover()).isTrue();
    }

    @Test
    void release_afterComplete_staysDone() {
        JobKey job = job(unique("j"));
        String token = claimed(ledger().claim(job, 3, NOW, LEASE)).token();
        ledger().complete(job, token, 3, 0, NOW);

        ledger().release(job, token);

        assertThat(ledger().claim(job, 3, NOW, LEASE)).isEqualTo(new JobClaim.Done());
    }

    @Test
    void count_sumsDoneJobsAndOpenJobSizes_recordDoneOnce() {
        String campaign = unique("count");
        JobKey a = job(campaign);
        JobKey b = job(campaign);
        ledger().complete(a, claimed(ledger().claim(a, 50, NOW, LEASE)).token(), 49, 1, NOW);
        ledger().claim(b, 20, NOW, LEASE);
        JobKey unreachable = new JobKey(campaign, Channel.SMS, "unreachable-0-0");
        ledger().recordDone(unreachable, 0, 3, NOW);
        ledger().recordDone(unreachable, 0, 3, NOW);
        ledger().claim(job(unique("other")), 7, NOW, LEASE);

        DeliveryCounts counts = ledger().count(campaign);

        assertThat(counts.count(DeliveryStatus.SENT)).isEqualTo(49);
        assertThat(counts.count(DeliveryStatus.FAILED)).isEqualTo(4);
        assertThat(counts.count(DeliveryStatus.SENDING)).isEqualTo(20);
        assertThat(counts.total()).isEqualTo(73);
        assertThat(ledger().claim(unreachable, 3, NOW, LEASE)).isEqualTo(new JobClaim.Done());
    }

    @Test
    void count_unknownCampaign_nothing() {
        assertThat(ledger().count(unique("none")).total()).isZero();
    }
}
