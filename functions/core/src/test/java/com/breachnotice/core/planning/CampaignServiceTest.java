package com.breachnotice.core.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.CampaignState;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.campaign.LifecycleService;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.delivery.ChannelCounts;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.JobClaim;
import com.breachnotice.core.delivery.JobKey;
import com.breachnotice.core.delivery.JobTally;
import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.core.testing.InMemoryCampaignCounters;
import com.breachnotice.core.testing.InMemoryCampaignStore;
import com.breachnotice.core.testing.InMemoryDeliveryLog;
import com.breachnotice.core.testing.InMemoryJobLedger;
import com.breachnotice.core.testing.InMemoryPlanLedger;
import com.breachnotice.core.testing.MutableClock;
import com.breachnotice.core.testing.RecordingEmailTemplates;
import com.breachnotice.core.testing.RecordingPlanQueue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CampaignServiceTest {

    private final InMemoryCampaignStore campaigns = new InMemoryCampaignStore();
    private final RecordingEmailTemplates templates = new RecordingEmailTemplates();
    private final RecordingPlanQueue plans = new RecordingPlanQueue();
    private final InMemoryCampaignCounters counters = new InMemoryCampaignCounters();
    private final InMemoryPlanLedger ledger = new InMemoryPlanLedger(counters);
    private final InMemoryJobLedger jobs = new InMemoryJobLedger(counters);
    private final InMemoryDeliveryLog events = new InMemoryDeliveryLog(counters);
    private final MutableClock clock = new MutableClock(Fixtures.T0);
    private final LifecycleService lifecycle = new LifecycleService(campaigns, clock);
    private final CampaignService service =
            new CampaignService(campaigns, templates, plans, ledger, counters, campaigns, lifecycle);

    @Test
    void launch_newCampaign_storedTemplatesRegisteredOneTaskPerSegment() {
        Campaign campaign = Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST);

        CampaignService.LaunchOutcome outcome = service.launch(campaign, 4);

        assertThat(outcome).isEqualTo(new CampaignService.LaunchOutcome.Launched("first", 4));
        assertThat(campaigns.find("first")).contains(campaign);
        assertThat(templates.registered()).containsExactly(campaign);
        assertThat(plans.all())
                .containsExactly(
                        new PlanTask("first", 0, 4, 0, Optional.empty()),
                        new PlanTask("first", 1, 4, 0, Optional.empty()),
                        new PlanTask("first", 2, 4, 0, Optional.empty()),
                        new PlanTask("first", 3, 4, 0, Optional.empty()));
    }

    @Test
    void launch_sameCampaignAgain_resumes() {
        Campaign campaign = Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST);
        service.launch(campaign, 2);
        Campaign sameLaterInstant = new Campaign(
                campaign.id(),
                campaign.title(),
                campaign.policy(),
                campaign.createdAt().plus(Duration.ofHours(1)),
                campaign.texts());

        CampaignService.LaunchOutcome again = service.launch(sameLaterInstant, 2);

        assertThat(again).isEqualTo(new CampaignService.LaunchOutcome.Launched("first", 2));
        assertThat(plans.all()).hasSize(4);
        assertThat(campaigns.size()).isEqualTo(1);
    }

    @Test
    void launch_differentCampaignUnderSameId_idTakenNothingChanged() {
        Campaign original = Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST);
        service.launch(original, 2);
        Campaign other = Fixtures.campaign("first", ChannelPolicy.SMS_ONLY);

        CampaignService.LaunchOutcome outcome = service.launch(other, 2);

        assertThat(outcome).isEqualTo(new CampaignService.LaunchOutcome.IdTaken("first"));
        assertThat(campaigns.find("first")).contains(original);
        assertThat(templates.registered()).containsExactly(original);
        assertThat(plans.all()).hasSize(2);
    }

    @Test
    void launch_segmentsOutOfRange_refused() {
        Campaign campaign = Fixtures.campaign("first", ChannelPolicy.BOTH);

        assertThatThrownBy(() -> service.launch(campaign, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.launch(campaign, 1001)).isInstanceOf(IllegalArgumentException.class);
        assertThat(campaigns.size()).isZero();
    }

    @Test
    void progress_pendingIsPlannedMinusTerminal_countedFromCounters() {
        campaigns.create(Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST));
        ledger.complete(
                new PlanTask("first", 0, 1, 0, Optional.empty()), Map.of(Channel.EMAIL, 4L, Channel.SMS, 1L), true);
        JobKey done = new JobKey("first", Channel.EMAIL, "a");
        jobs.claim(done, 3, Fixtures.T0, Fixtures.T0.plusSeconds(60));
        JobClaim.Claimed claim = (JobClaim.Claimed)
                jobs.claim(new JobKey("first", Channel.EMAIL, "b"), 1, Fixtures.T0, Fixtures.T0.plusSeconds(60));
        jobs.recordDone(
                new JobKey("first", Channel.SMS, "unreachable-0-0"),
                new JobTally(Map.of(DeliveryStatus.FAILED, 1), Map.of("no_channel", 1)),
                Fixtures.T0);
        JobClaim.Claimed first =
                (JobClaim.Claimed) jobs.claim(done, 3, Fixtures.T0.plusSeconds(61), Fixtures.T0.plusSeconds(120));
        jobs.complete(
                done,
                first.token(),
                new JobTally(Map.of(DeliveryStatus.SENT, 2, DeliveryStatus.FAILED, 1), Map.of("bad_address", 1)),
                Fixtures.T0);
        assertThat(claim.takeover()).isFalse();
        assertThat(first.takeover()).isTrue();

        CampaignProgress progress = service.progress("first");

        assertThat(progress.plan()).isEqualTo(new PlanProgress(5, 1, 1));
        assertThat(progress.deliveries().count(DeliveryStatus.SENT)).isEqualTo(2);
        assertThat(progress.deliveries().count(DeliveryStatus.FAILED)).isEqualTo(2);
        assertThat(progress.channel(Channel.EMAIL).planned()).isEqualTo(4);
        assertThat(progress.channel(Channel.EMAIL).failedByReason()).isEqualTo(Map.of("bad_address", 1L));
        assertThat(progress.channel(Channel.EMAIL).pending()).isEqualTo(1);
        assertThat(progress.channel(Channel.SMS).failedByReason()).isEqualTo(Map.of("no_channel", 1L));
        assertThat(progress.pending()).isEqualTo(1);
        assertThat(progress.finished()).isFalse();
        assertThat(progress.state()).isEqualTo(CampaignState.ACTIVE);
    }

    @Test
    void progress_pageCompletedTwice_plannedCountedOnce() {
        PlanTask page = new PlanTask("first", 0, 1, 0, Optional.empty());

        ledger.complete(page, Map.of(Channel.EMAIL, 7L), true);
        ledger.complete(page, Map.of(Channel.EMAIL, 7L), true);

        assertThat(service.progress("first").plan()).isEqualTo(new PlanProgress(7, 1, 1));
        assertThat(service.progress("first").channel(Channel.EMAIL).planned()).isEqualTo(7);
    }

    @Test
    void progress_everythingTerminal_activeCampaignClosedAsDone() {
        campaigns.create(Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST));
        ledger.complete(new PlanTask("first", 0, 1, 0, Optional.empty()), Map.of(Channel.EMAIL, 2L), true);
        completeJob("a", new JobTally(Map.of(DeliveryStatus.SENT, 2), Map.of()));

        CampaignProgress progress = service.progress("first");

        assertThat(progress.finished()).isTrue();
        assertThat(progress.state()).isEqualTo(CampaignState.DONE);
        assertThat(progress.lifecycle().history()).singleElement().satisfies(change -> {
            assertThat(change.by()).isEqualTo(CampaignService.DONE_BY);
            assertThat(change.from()).isEqualTo(CampaignState.ACTIVE);
        });
    }

    @Test
    void progress_pausedAndEverythingTerminal_staysPaused() {
        campaigns.create(Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST));
        ledger.complete(new PlanTask("first", 0, 1, 0, Optional.empty()), Map.of(Channel.EMAIL, 1L), true);
        completeJob("a", new JobTally(Map.of(DeliveryStatus.SENT, 1), Map.of()));
        lifecycle.move("first", CampaignState.PAUSED, "arn:aws:iam::000000000000:user/ops", "wrong text");

        assertThat(service.progress("first").state()).isEqualTo(CampaignState.PAUSED);
    }

    @Test
    void progress_statusEventsMoveCountersFromSentToTheirOutcome() {
        campaigns.create(Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST));
        ledger.complete(new PlanTask("first", 0, 1, 0, Optional.empty()), Map.of(Channel.EMAIL, 2L), true);
        DeliveryId a = new DeliveryId(new ContactKey("E1" + "a".repeat(64)), "first", Channel.EMAIL);
        DeliveryId b = new DeliveryId(new ContactKey("E1" + "b".repeat(64)), "first", Channel.EMAIL);
        events.record(List.of(
                new DeliveryRecord(a, DeliveryStatus.SENT, "h1", Optional.of("m1"), Optional.empty(), Fixtures.T0),
                new DeliveryRecord(b, DeliveryStatus.SENT, "h2", Optional.of("m2"), Optional.empty(), Fixtures.T0)));
        completeJob("a", new JobTally(Map.of(DeliveryStatus.SENT, 2), Map.of()));

        events.advance(a, DeliveryStatus.DELIVERED, null, Fixtures.T0);
        events.advance(b, DeliveryStatus.BOUNCED, "hard", Fixtures.T0);
        events.advance(b, DeliveryStatus.DELIVERED, null, Fixtures.T0); // late: does not move back

        CampaignProgress progress = service.progress("first");
        assertThat(progress.channel(Channel.EMAIL).byStatus())
                .containsOnly(
                        Map.entry(DeliveryStatus.SENT, 0L),
                        Map.entry(DeliveryStatus.DELIVERED, 1L),
                        Map.entry(DeliveryStatus.BOUNCED, 1L));
        assertThat(progress.pending()).isZero();
    }

    @Test
    void recount_countersAndRecordsCompared() {
        campaigns.create(Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST));
        ledger.complete(new PlanTask("first", 0, 1, 0, Optional.empty()), Map.of(Channel.EMAIL, 2L), true);
        completeJob("a", new JobTally(Map.of(DeliveryStatus.SENT, 2), Map.of()));

        CampaignService.Recount agrees = service.recount(
                "first", id -> Map.of(Channel.EMAIL, new ChannelCounts(0, Map.of(DeliveryStatus.SENT, 2L), Map.of())));
        CampaignService.Recount differs = service.recount(
                "first",
                id -> Map.of(
                        Channel.EMAIL,
                        new ChannelCounts(
                                0,
                                Map.of(DeliveryStatus.SENT, 1L, DeliveryStatus.FAILED, 1L),
                                Map.of("bad_address", 1L))));

        assertThat(agrees.agree()).isTrue();
        assertThat(differs.agree()).isFalse();
        assertThat(differs.differences().get(Channel.EMAIL))
                .contains("sent: counters 2, records 1", "failed: counters 0, records 1");
    }

    private void completeJob(String id, JobTally tally) {
        JobKey key = new JobKey("first", Channel.EMAIL, id);
        JobClaim.Claimed claim =
                (JobClaim.Claimed) jobs.claim(key, tally.total(), Fixtures.T0, Fixtures.T0.plusSeconds(60));
        jobs.complete(key, claim.token(), tally, Fixtures.T0);
    }
}
