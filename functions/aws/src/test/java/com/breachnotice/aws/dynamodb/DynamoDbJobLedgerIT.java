package com.breachnotice.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.JobClaim;
import com.breachnotice.core.delivery.JobKey;
import com.breachnotice.emulator.ProvisionedStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The job claims, the delivery records written in batches, and the shared send schedule, on the emulator. */
class DynamoDbJobLedgerIT {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final Instant LEASE = NOW.plus(Duration.ofMinutes(2));

    private static DynamoDbJobLedger jobs;
    private static DynamoDbJobLedger retrying;
    private static DynamoDbDeliveryLog deliveries;
    private static DynamoDbSendGovernor governor;

    @BeforeAll
    static void provision() {
        ProvisionedStack stack = TestStacks.provision(DynamoDbJobLedgerIT.class);
        var dynamoDb = TestStacks.clients().dynamoDb();
        jobs = new DynamoDbJobLedger(dynamoDb, stack.physicalId("CampaignTable"));
        // Every claim with one token: what an SDK retry of one claim write looks like.
        retrying = new DynamoDbJobLedger(dynamoDb, stack.physicalId("CampaignTable"), () -> "one-token");
        deliveries = new DynamoDbDeliveryLog(dynamoDb, stack.physicalId("DeliveryTable"));
        governor = new DynamoDbSendGovernor(dynamoDb, stack.physicalId("CampaignTable"));
    }

    private static JobKey job(String campaign) {
        return new JobKey(campaign, Channel.EMAIL, UUID.randomUUID().toString().replace("-", ""));
    }

    @Test
    void claim_liveLeaseHeldElsewhere_expiredLeaseTakenOver_doneNeverAgain() {
        JobKey job = job("j1");

        JobClaim first = jobs.claim(job, 50, NOW, LEASE);
        JobClaim whileHeld = jobs.claim(job, 50, NOW.plusSeconds(1), LEASE.plusSeconds(1));
        JobClaim takeover = jobs.claim(job, 50, LEASE.plusMillis(1), LEASE.plus(Duration.ofMinutes(2)));

        assertThat(first).isInstanceOf(JobClaim.Claimed.class);
        assertThat(((JobClaim.Claimed) first).takeover()).isFalse();
        assertThat(whileHeld).isEqualTo(new JobClaim.HeldElsewhere(LEASE));
        assertThat(takeover).isInstanceOf(JobClaim.Claimed.class);
        assertThat(((JobClaim.Claimed) takeover).takeover()).isTrue();
        String stale = ((JobClaim.Claimed) first).token();
        String live = ((JobClaim.Claimed) takeover).token();
        assertThat(jobs.complete(job, stale, 50, 0, LEASE)).isFalse();
        assertThat(jobs.complete(job, live, 48, 2, LEASE)).isTrue();
        assertThat(jobs.claim(job, 50, NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(2))))
                .isEqualTo(new JobClaim.Done());
    }

    @Test
    void claimAndComplete_retriedAfterALostAnswer_stillOurs() {
        JobKey job = job("j-retry");

        JobClaim first = retrying.claim(job, 50, NOW, LEASE);
        JobClaim retried = retrying.claim(job, 50, NOW, LEASE);

        assertThat(first).isEqualTo(new JobClaim.Claimed("one-token", false));
        assertThat(retried).isEqualTo(new JobClaim.Claimed("one-token", true));
        assertThat(jobs.claim(job, 50, NOW, LEASE)).isEqualTo(new JobClaim.HeldElsewhere(LEASE));
        assertThat(retrying.complete(job, "one-token", 50, 0, NOW)).isTrue();
        assertThat(retrying.complete(job, "one-token", 50, 0, NOW)).isTrue();
        assertThat(jobs.complete(job, "another-token", 50, 0, NOW)).isFalse();
    }

    @Test
    void release_reclaimableAtOnceAsTakeover() {
        JobKey job = job("j2");
        String token = ((JobClaim.Claimed) jobs.claim(job, 3, NOW, LEASE)).token();

        jobs.release(job, "someone-else");
        assertThat(jobs.claim(job, 3, NOW, LEASE)).isInstanceOf(JobClaim.HeldElsewhere.class);
        jobs.release(job, token);

        JobClaim again = jobs.claim(job, 3, NOW, LEASE);
        assertThat(again).isInstanceOf(JobClaim.Claimed.class);
        assertThat(((JobClaim.Claimed) again).takeover()).isTrue();
    }

    @Test
    void count_sumsDoneJobsAndOpenJobSizes() {
        String campaign = "count-" + UUID.randomUUID().toString().substring(0, 8);
        JobKey a = job(campaign);
        JobKey b = job(campaign);
        jobs.complete(a, ((JobClaim.Claimed) jobs.claim(a, 50, NOW, LEASE)).token(), 49, 1, NOW);
        jobs.claim(b, 20, NOW, LEASE);
        jobs.recordDone(new JobKey(campaign, Channel.SMS, "unreachable-0-0"), 0, 3, NOW);
        jobs.recordDone(new JobKey(campaign, Channel.SMS, "unreachable-0-0"), 0, 3, NOW);

        var counts = jobs.count(campaign);

        assertThat(counts.count(DeliveryStatus.SENT)).isEqualTo(49);
        assertThat(counts.count(DeliveryStatus.FAILED)).isEqualTo(4);
        assertThat(counts.count(DeliveryStatus.SENDING)).isEqualTo(20);
    }

    @Test
    void record_fiftyInTwoBatches_readBackAndFoundByReference() {
        List<DeliveryRecord> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            DeliveryId id = new DeliveryId(TestStacks.emailKey(UUID.randomUUID().toString()), "rec", Channel.EMAIL);
            records.add(new DeliveryRecord(
                    id,
                    i == 7 ? DeliveryStatus.FAILED : DeliveryStatus.SENT,
                    "ref-" + UUID.randomUUID(),
                    i == 7 ? Optional.empty() : Optional.of("ses-" + i),
                    i == 7 ? Optional.of("ses:MESSAGE_REJECTED") : Optional.empty(),
                    NOW));
        }
        DeliveryId unrecorded =
                new DeliveryId(TestStacks.emailKey(UUID.randomUUID().toString()), "rec", Channel.EMAIL);

        deliveries.record(records);

        List<DeliveryId> asked =
                new ArrayList<>(records.stream().map(DeliveryRecord::id).toList());
        asked.add(unrecorded);
        var recorded = deliveries.recorded(asked);
        assertThat(recorded).hasSize(50).doesNotContainKey(unrecorded);
        assertThat(recorded.get(records.get(7).id())).isEqualTo(DeliveryStatus.FAILED);
        assertThat(deliveries.findByReferenceHash(records.get(3).referenceHash()))
                .hasValueSatisfying(d -> {
                    assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
                    assertThat(d.sentAt()).contains(NOW);
                    assertThat(d.providerMessageId()).contains("ses-3");
                });
        assertThat(deliveries.advance(records.get(3).id(), DeliveryStatus.DELIVERED, null, NOW.plusSeconds(5)))
                .isTrue();
    }

    @Test
    void reserve_schedulesBackToBackWhileBusyAndRestartsAtNowWhenIdle() {
        String campaign = "rate-" + UUID.randomUUID().toString().substring(0, 8);

        Instant first = governor.reserve(campaign, Channel.EMAIL, 50, 500, NOW);
        Instant second = governor.reserve(campaign, Channel.EMAIL, 50, 500, NOW);
        Instant third = governor.reserve(campaign, Channel.EMAIL, 25, 500, NOW.plusMillis(10));
        Instant afterIdle = governor.reserve(campaign, Channel.EMAIL, 50, 500, NOW.plusSeconds(60));
        Instant sms = governor.reserve(campaign, Channel.SMS, 3, 10, NOW);

        // An idle schedule restarts 100 ms ahead of now; a busy one hands out the next turn.
        assertThat(first).isEqualTo(NOW.plusMillis(100));
        assertThat(second).isEqualTo(NOW.plusMillis(200));
        assertThat(third).isEqualTo(NOW.plusMillis(300));
        assertThat(afterIdle).isEqualTo(NOW.plusSeconds(60).plusMillis(100));
        assertThat(sms).isEqualTo(NOW.plusMillis(100));
    }
}
