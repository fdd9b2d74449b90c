package com.breachnotice.core.planning;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.CampaignLifecycle;
import com.breachnotice.core.campaign.CampaignLifecycles;
import com.breachnotice.core.campaign.CampaignState;
import com.breachnotice.core.campaign.CampaignStore;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.EmailTemplates;
import com.breachnotice.core.campaign.LifecycleService;
import com.breachnotice.core.delivery.ChannelCounts;
import com.breachnotice.core.delivery.DeliveryCensus;
import com.breachnotice.core.delivery.DeliveryStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Launches campaigns and reports their progress. */
public final class CampaignService {

    private final CampaignStore campaigns;
    private final EmailTemplates templates;
    private final PlanQueue plans;
    private final PlanLedger ledger;
    private final CampaignCounters counters;
    private final CampaignLifecycles lifecycles;
    private final LifecycleService lifecycleService;

    /** Who closes a campaign as done: not an operator, the progress read that found nothing pending. */
    public static final String DONE_BY = "breach-notice:progress";

    public CampaignService(
            CampaignStore campaigns,
            EmailTemplates templates,
            PlanQueue plans,
            PlanLedger ledger,
            CampaignCounters counters,
            CampaignLifecycles lifecycles,
            LifecycleService lifecycleService) {
        this.campaigns = campaigns;
        this.templates = templates;
        this.plans = plans;
        this.ledger = ledger;
        this.counters = counters;
        this.lifecycles = lifecycles;
        this.lifecycleService = lifecycleService;
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
     * Where the campaign stands, from its counters and its lifecycle: a constant number of reads
     * whatever its size (never a scan or a query per job). An active campaign whose planning is
     * complete and whose every planned delivery is terminal is closed as {@code done} here, so it
     * is done as soon as anyone looks (the demo, {@code campaign status}, a recount).
     */
    public CampaignProgress progress(String campaignId) {
        CampaignTally tally = counters.tally(campaignId);
        CampaignLifecycle lifecycle = lifecycles.lifecycle(campaignId).orElse(CampaignLifecycle.NEW);
        CampaignProgress progress = new CampaignProgress(tally.plan(), tally.deliveries(), tally.channels(), lifecycle);
        if (lifecycle.state() == CampaignState.ACTIVE && progress.finished()) {
            Optional<LifecycleService.Outcome> closed = lifecycleService.tryMove(
                    campaignId, lifecycle, CampaignState.DONE, DONE_BY, "every planned delivery is terminal");
            if (closed.orElse(null) instanceof LifecycleService.Outcome.Moved moved) {
                return new CampaignProgress(tally.plan(), tally.deliveries(), tally.channels(), moved.lifecycle());
            }
        }
        return progress;
    }

    /** The counters against a count of the delivery records, per channel. */
    public record Recount(
            CampaignProgress counters, Map<Channel, ChannelCounts> counted, Map<Channel, List<String>> differences) {

        public boolean agree() {
            return differences.values().stream().allMatch(List::isEmpty);
        }
    }

    /**
     * Counts the campaign's deliveries from their records (slow: it reads them all) and compares
     * each channel's statuses and failure reasons with the counters.
     */
    public Recount recount(String campaignId, DeliveryCensus census) {
        Map<Channel, ChannelCounts> counted = census.count(campaignId);
        CampaignProgress progress = progress(campaignId);
        Map<Channel, List<String>> differences = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            ChannelCounts kept = progress.channel(channel).withoutZeros();
            ChannelCounts found =
                    counted.getOrDefault(channel, ChannelCounts.NONE).withoutZeros();
            List<String> differ = new ArrayList<>();
            for (DeliveryStatus status : DeliveryStatus.values()) {
                if (status.terminal() && kept.count(status) != found.count(status)) {
                    differ.add(status.code() + ": counters " + kept.count(status) + ", records " + found.count(status));
                }
            }
            if (!Objects.equals(kept.failedByReason(), found.failedByReason())) {
                differ.add(
                        "failed by reason: counters " + kept.failedByReason() + ", records " + found.failedByReason());
            }
            differences.put(channel, differ);
        }
        return new Recount(progress, counted, differences);
    }
}
