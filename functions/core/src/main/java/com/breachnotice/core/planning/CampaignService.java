package com.breachnotice.core.planning;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.CampaignStore;
import com.breachnotice.core.campaign.EmailTemplates;
import com.breachnotice.core.delivery.JobLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Launches campaigns and reports their progress. */
public final class CampaignService {

    private final CampaignStore campaigns;
    private final EmailTemplates templates;
    private final PlanQueue plans;
    private final PlanLedger ledger;
    private final JobLedger jobs;

    public CampaignService(
            CampaignStore campaigns, EmailTemplates templates, PlanQueue plans, PlanLedger ledger, JobLedger jobs) {
        this.campaigns = campaigns;
        this.templates = templates;
        this.plans = plans;
        this.ledger = ledger;
        this.jobs = jobs;
    }

    public sealed interface LaunchOutcome {
        record Launched(String campaignId, int segments) implements LaunchOutcome {}

        /** A different campaign already holds this id: nothing was changed. */
        record IdTaken(String campaignId) implements LaunchOutcome {}
    }

    /**
     * Stores the campaign, registers its email templates, and starts planning with one task per
     * parallel-scan segment. Launching the same campaign again resumes it (everything downstream is
     * idempotent), so an operator whose launch was cut off simply runs it again; a different
     * campaign under a taken id is refused.
     */
    public LaunchOutcome launch(Campaign campaign, int segments) {
        if (segments < 1 || segments > 1000) {
            throw new IllegalArgumentException("segments must be within 1..1000");
        }
        Optional<Campaign> existing = campaigns.find(campaign.id());
        if (existing.isEmpty() && !campaigns.create(campaign)) {
            existing = campaigns.find(campaign.id());
        }
        if (existing.isPresent() && !sameNotice(existing.get(), campaign)) {
            return new LaunchOutcome.IdTaken(campaign.id());
        }
        templates.register(campaign);
        // A resumed campaign keeps the segmentation it started with: the ledger's pages are
        // numbered within it, and another split would plan some contacts twice.
        int started = existing.isPresent() ? ledger.progress(campaign.id()).totalSegments() : 0;
        int total = started > 0 ? started : segments;
        List<PlanTask> tasks = new ArrayList<>(total);
        for (int segment = 0; segment < total; segment++) {
            tasks.add(new PlanTask(campaign.id(), segment, total, 0, Optional.empty()));
        }
        plans.enqueue(tasks);
        return new LaunchOutcome.Launched(campaign.id(), total);
    }

    private static boolean sameNotice(Campaign a, Campaign b) {
        return a.title().equals(b.title())
                && a.policy() == b.policy()
                && a.texts().equals(b.texts());
    }

    /**
     * Planned against finished, from the plan ledger and the job entries: two queries of one
     * campaign's partition, never a scan of the delivery table.
     */
    public CampaignProgress progress(String campaignId) {
        return new CampaignProgress(ledger.progress(campaignId), jobs.count(campaignId));
    }
}
