package com.breachnotice.core.planning;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.CampaignCache;
import com.breachnotice.core.campaign.CampaignStore;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.delivery.DeliveryHistory;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecorder;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.JobKey;
import com.breachnotice.core.delivery.JobLedger;
import com.breachnotice.core.delivery.JobTally;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.registry.StoredContact;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans one page of contacts for a campaign: decides each contact's channel by the campaign's
 * policy, groups them into notice jobs of up to 50 per channel and language, enqueues them, then
 * the next page. Planning twice is harmless: the sender's claim makes every delivery happen once,
 * and the ledger keeps the planned total exact.
 */
public final class PlannerService {

    /** Contacts per scanned page. A page of this size plans in well under a second. */
    public static final int PAGE_SIZE = 1000;

    private final ContactDirectory contacts;
    private final PlanLedger ledger;
    private final NoticeJobQueue jobs;
    private final PlanQueue plans;
    private final DeliveryRecorder deliveries;
    private final DeliveryHistory history;
    private final JobLedger jobLedger;
    private final Clock clock;
    private final CampaignCache campaignCache;

    public PlannerService(
            CampaignStore campaigns,
            ContactDirectory contacts,
            PlanLedger ledger,
            NoticeJobQueue jobs,
            PlanQueue plans,
            DeliveryRecorder deliveries,
            DeliveryHistory history,
            JobLedger jobLedger,
            Clock clock) {
        this.campaignCache = new CampaignCache(campaigns);
        this.contacts = contacts;
        this.ledger = ledger;
        this.jobs = jobs;
        this.plans = plans;
        this.deliveries = deliveries;
        this.history = history;
        this.jobLedger = jobLedger;
        this.clock = clock;
    }

    public sealed interface Outcome {
        record Planned(long deliveries, boolean lastOfSegment) implements Outcome {}

        record AlreadyPlanned() implements Outcome {}

        record UnknownCampaign() implements Outcome {}
    }

    public Outcome plan(PlanTask task) {
        if (ledger.isCompleted(task)) {
            return new Outcome.AlreadyPlanned();
        }
        Optional<Campaign> found = campaign(task.campaignId());
        if (found.isEmpty()) {
            return new Outcome.UnknownCampaign();
        }
        Campaign campaign = found.get();
        ContactPage page = contacts.scan(task.segment(), task.totalSegments(), task.startKey(), PAGE_SIZE);
        List<NoticeJob> planned = jobsFor(campaign, page.contacts());
        Optional<String> earlier = campaign.revises();
        if (earlier.isPresent()) {
            planned = planned.stream()
                    .map(job -> withNewItems(job, earlier.get()))
                    .toList();
        }
        if (!planned.isEmpty()) {
            jobs.enqueue(planned);
        }
        List<ContactKey> unreachable = unreachable(campaign, page.contacts());
        for (ContactKey key : unreachable) {
            // Recorded under SMS, the only channel such a contact could ever have had.
            deliveries.recordUnreachable(
                    new DeliveryId(key, campaign.id(), Channel.SMS), "no_channel", clock.instant());
        }
        if (!unreachable.isEmpty()) {
            // Counted like a finished job, so that progress adds up without reading deliveries.
            jobLedger.recordDone(
                    new JobKey(campaign.id(), Channel.SMS, "unreachable-" + task.segment() + "-" + task.page()),
                    new JobTally(
                            Map.of(DeliveryStatus.FAILED, unreachable.size()),
                            Map.of("no_channel", unreachable.size())),
                    clock.instant());
        }
        page.nextStartKey().ifPresent(next -> plans.enqueue(List.of(task.next(next))));
        Map<Channel, Long> perChannel = new EnumMap<>(Channel.class);
        planned.forEach(
                job -> perChannel.merge(job.channel(), (long) job.contacts().size(), Long::sum));
        if (!unreachable.isEmpty()) {
            perChannel.merge(Channel.SMS, (long) unreachable.size(), Long::sum);
        }
        long count = perChannel.values().stream().mapToLong(Long::longValue).sum();
        boolean last = page.nextStartKey().isEmpty();
        ledger.complete(task, perChannel, last);
        return new Outcome.Planned(count, last);
    }

    /**
     * The job with, per contact, the items the earlier campaign's notice did not name: one batch
     * read per job. A contact the earlier campaign never told anything gets every item as new.
     */
    private NoticeJob withNewItems(NoticeJob job, String earlierCampaign) {
        Map<ContactKey, Set<ItemKind>> told = history.itemsTold(earlierCampaign, job.contacts());
        Map<ContactKey, Set<ItemKind>> newItems = new LinkedHashMap<>();
        job.enclosed().forEach((key, stored) -> {
            Set<ItemKind> fresh = EnumSet.noneOf(ItemKind.class);
            fresh.addAll(stored.items());
            fresh.removeAll(told.getOrDefault(key, Set.of()));
            newItems.put(key, fresh);
        });
        return new NoticeJob(job.campaignId(), job.channel(), job.locale(), job.contacts(), job.enclosed(), newItems);
    }

    static List<ContactKey> unreachable(Campaign campaign, List<ContactProfile> page) {
        return page.stream()
                .filter(c -> campaign.policy().unreachable(c.key().kind(), c.smsCapable(), c.ownerWithoutEmail()))
                .map(ContactProfile::key)
                .toList();
    }

    static List<NoticeJob> jobsFor(Campaign campaign, List<ContactProfile> page) {
        Map<Group, List<ContactProfile>> groups = new LinkedHashMap<>();
        for (ContactProfile contact : page) {
            campaign.policy()
                    .channelFor(contact.key().kind(), contact.smsCapable(), contact.ownerWithoutEmail())
                    .ifPresent(channel -> groups.computeIfAbsent(
                                    new Group(channel, contact.locale()), g -> new ArrayList<>())
                            .add(contact));
        }
        List<NoticeJob> result = new ArrayList<>();
        groups.forEach((group, members) -> {
            for (int from = 0; from < members.size(); from += NoticeJob.MAX_CONTACTS) {
                List<ContactProfile> slice =
                        members.subList(from, Math.min(members.size(), from + NoticeJob.MAX_CONTACTS));
                Map<ContactKey, StoredContact> enclosed = new LinkedHashMap<>();
                slice.forEach(c -> c.stored().ifPresent(stored -> enclosed.put(c.key(), stored)));
                result.add(new NoticeJob(
                        campaign.id(),
                        group.channel(),
                        group.locale(),
                        slice.stream().map(ContactProfile::key).toList(),
                        enclosed));
            }
        });
        return result;
    }

    /** A campaign's notice never changes once stored (only its lifecycle does): read each once per planner instance. */
    private Optional<Campaign> campaign(String campaignId) {
        return campaignCache.find(campaignId);
    }

    private record Group(Channel channel, NoticeLocale locale) {}
}
