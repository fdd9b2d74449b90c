package com.breachnotice.core.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.JobClaim;
import com.breachnotice.core.delivery.JobKey;
import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.core.testing.InMemoryCampaignStore;
import com.breachnotice.core.testing.InMemoryJobLedger;
import com.breachnotice.core.testing.InMemoryPlanLedger;
import com.breachnotice.core.testing.RecordingEmailTemplates;
import com.breachnotice.core.testing.RecordingPlanQueue;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CampaignServiceTest {

    private final InMemoryCampaignStore campaigns = new InMemoryCampaignStore();
    private final RecordingEmailTemplates templates = new RecordingEmailTemplates();
    private final RecordingPlanQueue plans = new RecordingPlanQueue();
    private final InMemoryPlanLedger ledger = new InMemoryPlanLedger();
    private final InMemoryJobLedger jobs = new InMemoryJobLedger();
    private final CampaignService service = new CampaignService(campaigns, templates, plans, ledger, jobs);

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
    void progress_pendingIsPlannedMinusTerminal_countedFromJobEntries() {
        ledger.complete(new PlanTask("first", 0, 1, 0, Optional.empty()), 5, true);
        JobKey done = new JobKey("first", Channel.EMAIL, "a");
        jobs.claim(done, 3, Fixtures.T0, Fixtures.T0.plusSeconds(60));
        JobClaim.Claimed claim = (JobClaim.Claimed)
                jobs.claim(new JobKey("first", Channel.EMAIL, "b"), 1, Fixtures.T0, Fixtures.T0.plusSeconds(60));
        jobs.recordDone(new JobKey("first", Channel.SMS, "unreachable-0-0"), 0, 1, Fixtures.T0);
        JobClaim.Claimed first =
                (JobClaim.Claimed) jobs.claim(done, 3, Fixtures.T0.plusSeconds(61), Fixtures.T0.plusSeconds(120));
        jobs.complete(done, first.token(), 2, 1, Fixtures.T0);
        assertThat(claim.takeover()).isFalse();
        assertThat(first.takeover()).isTrue();

        CampaignProgress progress = service.progress("first");

        assertThat(progress.plan()).isEqualTo(new PlanProgress(5, 1, 1));
        assertThat(progress.deliveries().count(DeliveryStatus.SENT)).isEqualTo(2);
        assertThat(progress.deliveries().count(DeliveryStatus.FAILED)).isEqualTo(2);
        assertThat(progress.deliveries().count(DeliveryStatus.SENDING)).isEqualTo(1);
        assertThat(progress.pending()).isEqualTo(1);
        assertThat(progress.finished()).isFalse();
    }
}
