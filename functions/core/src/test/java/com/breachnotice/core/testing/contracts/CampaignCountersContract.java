package com.breachnotice.core.testing.contracts;

import static com.breachnotice.core.testing.contracts.ContractData.NOW;
import static com.breachnotice.core.testing.contracts.ContractData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.campaign.CampaignLifecycle;
import com.breachnotice.core.campaign.CampaignLifecycles;
import com.breachnotice.core.campaign.CampaignState;
import com.breachnotice.core.campaign.CampaignStore;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.delivery.ChannelCounts;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.JobClaim;
import com.breachnotice.core.delivery.JobKey;
import com.breachnotice.core.delivery.JobLedger;
import com.breachnotice.core.delivery.JobTally;
import com.breachnotice.core.planning.CampaignCounters;
import com.breachnotice.core.planning.CampaignTally;
import com.breachnotice.core.planning.PlanLedger;
import com.breachnotice.core.planning.PlanProgress;
import com.breachnotice.core.planning.PlanTask;
import com.breachnotice.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the campaign's counters and lifecycle do, written by the plan ledger, the job ledger and the
 * delivery log that count into them: run against the in-memory fakes and the DynamoDB adapters.
 */
public abstract class CampaignCountersContract {

    private static final Instant LEASE = NOW.plus(Duration.ofMinutes(2));

    protected abstract CampaignCounters counters();

    protected abstract PlanLedger plans();

    protected abstract JobLedger jobs();

    /** A deliveries table whose status updates move the counters (the events function's). */
    protected abstract DeliveryTable deliveries();

    protected abstract CampaignStore campaigns();

    protected abstract CampaignLifecycles lifecycles();

    private static JobKey job(String campaign, Channel channel) {
        return new JobKey(campaign, channel, UUID.randomUUID().toString().replace("-", ""));
    }

    private String complete(String campaign, Channel channel, JobTally tally) {
        JobKey job = job(campaign, channel);
        String token = ((JobClaim.Claimed) jobs().claim(job, tally.total(), NOW, LEASE)).token();
        assertThat(jobs().complete(job, token, tally, NOW)).isTrue();
        return token;
    }

    @Test
    void tally_untouchedCampaign_zeros() {
        CampaignTally tally = counters().tally(unique("c"));

        assertThat(tally.plan()).isEqualTo(new PlanProgress(0, 0, 0));
        assertThat(tally.channel(Channel.EMAIL).planned()).isZero();
        assertThat(tally.deliveries().total()).isZero();
    }

    @Test
    void planComplete_perChannelAndSummary_aPagePlannedTwiceCountedOnce() {
        String campaign = unique("c");
        PlanTask first = new PlanTask(campaign, 0, 2, 0, Optional.empty());

        plans().complete(first, Map.of(Channel.EMAIL, 40L, Channel.SMS, 10L), false);
        plans().complete(first, Map.of(Channel.EMAIL, 40L, Channel.SMS, 10L), false);
        plans().complete(new PlanTask(campaign, 1, 2, 0, Optional.empty()), Map.of(Channel.EMAIL, 5L), true);

        CampaignTally tally = counters().tally(campaign);
        assertThat(tally.plan()).isEqualTo(new PlanProgress(55, 1, 2));
        assertThat(plans().progress(campaign)).isEqualTo(new PlanProgress(55, 1, 2));
        assertThat(tally.channel(Channel.EMAIL).planned()).isEqualTo(45);
        assertThat(tally.channel(Channel.SMS).planned()).isEqualTo(10);
    }

    @Test
    void jobComplete_addsItsTallyOnce_aLostClaimAddsNothing() {
        String campaign = unique("c");
        JobTally tally = new JobTally(
                Map.of(DeliveryStatus.SENT, 47, DeliveryStatus.FAILED, 3), Map.of("bad_address", 2, "rejected", 1));
        JobKey job = job(campaign, Channel.EMAIL);
        String stale = ((JobClaim.Claimed) jobs().claim(job, 50, NOW, LEASE)).token();
        String live = ((JobClaim.Claimed) jobs().claim(job, 50, LEASE.plusMillis(1), LEASE.plusSeconds(120))).token();

        assertThat(jobs().complete(job, stale, tally, NOW)).isFalse();
        assertThat(jobs().complete(job, live, tally, NOW)).isTrue();
        complete(campaign, Channel.EMAIL, new JobTally(Map.of(DeliveryStatus.CANCELLED, 5), Map.of()));

        ChannelCounts email = counters().tally(campaign).channel(Channel.EMAIL);
        assertThat(email.count(DeliveryStatus.SENT)).isEqualTo(47);
        assertThat(email.count(DeliveryStatus.FAILED)).isEqualTo(3);
        assertThat(email.count(DeliveryStatus.CANCELLED)).isEqualTo(5);
        assertThat(email.failedByReason()).isEqualTo(Map.of("bad_address", 2L, "rejected", 1L));
    }

    @Test
    void recordDone_twice_countedOnce() {
        String campaign = unique("c");
        JobKey job = job(campaign, Channel.SMS);
        JobTally unreachable = new JobTally(Map.of(DeliveryStatus.FAILED, 4), Map.of("no_channel", 4));

        jobs().recordDone(job, unreachable, NOW);
        jobs().recordDone(job, unreachable, NOW);

        ChannelCounts sms = counters().tally(campaign).channel(Channel.SMS);
        assertThat(sms.count(DeliveryStatus.FAILED)).isEqualTo(4);
        assertThat(sms.failedByReason()).isEqualTo(Map.of("no_channel", 4L));
    }

    @Test
    void advance_movesOneFromTheStatusLeftToTheStatusReached_once() {
        String campaign = unique("c");
        DeliveryId a = ContractData.delivery(campaign, Channel.EMAIL);
        DeliveryId b = ContractData.delivery(campaign, Channel.EMAIL);
        deliveries().recorder().record(List.of(ContractData.sent(a, "ref-a", NOW), ContractData.sent(b, "ref-b", NOW)));
        complete(campaign, Channel.EMAIL, new JobTally(Map.of(DeliveryStatus.SENT, 2), Map.of()));

        assertThat(deliveries().updates().advance(a, DeliveryStatus.DELIVERED, null, NOW))
                .isTrue();
        assertThat(deliveries().updates().advance(a, DeliveryStatus.DELIVERED, null, NOW))
                .isFalse();
        assertThat(deliveries().updates().advance(a, DeliveryStatus.COMPLAINED, null, NOW))
                .isTrue();
        assertThat(deliveries().updates().advance(b, DeliveryStatus.FAILED, "rejected", NOW))
                .isTrue();

        ChannelCounts email = counters().tally(campaign).channel(Channel.EMAIL);
        assertThat(email.count(DeliveryStatus.SENT)).isZero();
        assertThat(email.count(DeliveryStatus.DELIVERED)).isZero();
        assertThat(email.count(DeliveryStatus.COMPLAINED)).isEqualTo(1);
        assertThat(email.count(DeliveryStatus.FAILED)).isEqualTo(1);
        assertThat(email.failedByReason()).isEqualTo(Map.of("rejected", 1L));
    }

    @Test
    void lifecycle_storedOnTheCampaign_aStaleVersionLoses() {
        String campaign = unique("c");
        campaigns().create(Fixtures.campaign(campaign, ChannelPolicy.EMAIL_FIRST));
        CampaignLifecycle fresh = lifecycles().lifecycle(campaign).orElseThrow();
        CampaignLifecycle paused = ((CampaignLifecycle.Move.Moved)
                        fresh.moveTo(CampaignState.PAUSED, NOW, "arn:aws:iam::000000000000:user/ops", "wrong text"))
                .next();

        assertThat(fresh).isEqualTo(CampaignLifecycle.NEW);
        assertThat(lifecycles().replace(campaign, fresh, paused)).isTrue();
        assertThat(lifecycles().replace(campaign, fresh, paused)).isFalse();
        assertThat(lifecycles().lifecycle(campaign)).contains(paused);
        assertThat(campaigns().find(campaign)).isPresent();
    }

    @Test
    void lifecycle_unknownCampaign_emptyAndNotCreated() {
        String campaign = unique("c");
        CampaignLifecycle paused = ((CampaignLifecycle.Move.Moved)
                        CampaignLifecycle.NEW.moveTo(CampaignState.PAUSED, NOW, "ops", ""))
                .next();

        assertThat(lifecycles().lifecycle(campaign)).isEmpty();
        assertThat(lifecycles().replace(campaign, CampaignLifecycle.NEW, paused))
                .isFalse();
        assertThat(lifecycles().lifecycle(campaign)).isEmpty();
    }
}
