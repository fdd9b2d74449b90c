package com.breachnotice.core.sending;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.CampaignCache;
import com.breachnotice.core.campaign.CampaignStore;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.campaign.SmsSegments;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.delivery.ClaimOutcome;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryLog;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryRecorder;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.JobClaim;
import com.breachnotice.core.delivery.JobKey;
import com.breachnotice.core.delivery.JobLedger;
import com.breachnotice.core.delivery.ReferenceCodes;
import com.breachnotice.core.planning.NoticeJob;
import com.breachnotice.core.registry.ContactBook;
import com.breachnotice.core.registry.StoredContact;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends notice jobs. Each job of up to 50 deliveries is claimed with one conditional write (a lease
 * on the job) before anything is sent, sent with one SES bulk call (or one SNS publish per SMS),
 * recorded with batched writes and completed: about six requests per 50 notices where a claim and a
 * settle per delivery took over a hundred.
 *
 * <ul>
 *   <li>A redelivered or concurrently received job finds its claim done or held, and sends nothing.
 *   <li>A sender that crashes between send and record leaves a lease that runs out; the job is then
 *       taken over, the deliveries already recorded are skipped and the rest sent again, with the
 *       same reference codes (they derive from the delivery). So a crash re-sends at most once the
 *       deliveries of the one job it interrupted.
 *   <li>Permanent refusals are recorded {@code FAILED} with the reason; throttled and transient
 *       entries are retried here (slower, see {@link AdaptiveRate}) and, if they still fail, the job
 *       is given back unfinished so SQS brings it back.
 *   <li>Texts are claimed one by one as well, just before each {@code Publish}: a phone can be in two
 *       SMS jobs under different job keys (a planner job and the fallback after an email bounce),
 *       sending slowly at the same time, so the job's claim and the records read first cannot keep
 *       it to one text. One conditional write per text (a text costs about $0.02) can; the job's
 *       batch record then overwrites the claim with the outcome. A text held by another sender is
 *       left pending, so the job comes back. Emails stay under the job's claim alone: a write per
 *       email would not fit their request budget.
 *   <li>The jobs of one SQS batch are claimed and sent concurrently (virtual threads), each after its
 *       turn in the campaign's shared send schedule ({@link SendGovernor}): one reservation covers
 *       the whole batch, so several bulk calls are in flight and the rate holds across instances.
 * </ul>
 */
public final class SenderService {

    /** Attempts of a throttled or transiently failed entry within one invocation. */
    static final int ATTEMPTS = 3;

    /**
     * How late a send may go after its turn. Later than that it would crowd the next turns (of this
     * or another instance) into one second, so it takes a new turn at the end of the schedule.
     */
    static final Duration LATE = Duration.ofMillis(50);

    private final ContactBook contacts;
    private final JobLedger jobs;
    private final DeliveryRecorder records;
    private final DeliveryLog claims;
    private final ContactCipher cipher;
    private final ContactKeyer keyer;
    private final EmailSender email;
    private final SmsSender sms;
    private final SendGovernor governor;
    private final Pacer pacer;
    private final Clock clock;
    private final Duration lease;
    private final AdaptiveRate adaptive = new AdaptiveRate();
    private final CampaignCache campaignCache;

    public SenderService(
            CampaignStore campaigns,
            ContactBook contacts,
            JobLedger jobs,
            DeliveryRecorder records,
            DeliveryLog claims,
            ContactCipher cipher,
            ContactKeyer keyer,
            EmailSender email,
            SmsSender sms,
            SendGovernor governor,
            Pacer pacer,
            Clock clock,
            Duration lease) {
        this.campaignCache = new CampaignCache(campaigns);
        this.contacts = contacts;
        this.jobs = jobs;
        this.records = records;
        this.claims = claims;
        this.cipher = cipher;
        this.keyer = keyer;
        this.email = email;
        this.sms = sms;
        this.governor = governor;
        this.pacer = pacer;
        this.clock = clock;
        this.lease = lease;
    }

    /** What became of one job. When {@code retryLater} is positive the job must come back. */
    public record JobOutcome(int sent, int failed, int skipped, int retryLater) {
        public boolean complete() {
            return retryLater == 0;
        }
    }

    public JobOutcome send(NoticeJob job) {
        return sendAll(List.of(job)).get(0).orElseThrow();
    }

    /**
     * Sends the jobs of one batch concurrently. One result per job, in order: the outcome, or empty
     * when the job failed unexpectedly (it comes back through SQS; its lease covers the retry).
     */
    public List<Optional<JobOutcome>> sendAll(List<NoticeJob> batch) {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Prepared>> preparing = new ArrayList<>();
            for (NoticeJob job : batch) {
                preparing.add(threads.submit(() -> prepare(job)));
            }
            List<Optional<Prepared>> prepared = new ArrayList<>();
            for (Future<Prepared> future : preparing) {
                prepared.add(result(future));
            }
            Map<Integer, Instant> slots = schedule(prepared);
            List<Optional<Future<JobOutcome>>> sending = new ArrayList<>();
            for (int i = 0; i < prepared.size(); i++) {
                Instant slot = slots.getOrDefault(i, Instant.MIN);
                sending.add(prepared.get(i)
                        .map(job -> threads.submit(() -> switch (job) {
                            case Prepared.Ready ready -> execute(ready, slot);
                            case Prepared.Finished finished -> finished.outcome();
                        })));
            }
            List<Optional<JobOutcome>> outcomes = new ArrayList<>();
            for (Optional<Future<JobOutcome>> future : sending) {
                outcomes.add(future.flatMap(SenderService::result));
            }
            return outcomes;
        }
    }

    private static <T> Optional<T> result(Future<T> future) {
        try {
            return Optional.of(future.get());
        } catch (ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private sealed interface Prepared {
        record Finished(JobOutcome outcome) implements Prepared {}

        record Ready(
                NoticeJob job,
                Campaign campaign,
                String token,
                List<Pending> pending,
                List<DeliveryRecord> failedUpFront,
                int alreadySent,
                int alreadyFailed,
                int skipped)
                implements Prepared {

            int units() {
                if (job.channel() == Channel.EMAIL) {
                    return pending.size();
                }
                return pending.stream().mapToInt(Pending::parts).sum();
            }
        }
    }

    /**
     * A delivery ready to go: its message is built (addresses opened, text rendered) before the
     * turn is reserved, so the send itself goes out on its turn.
     */
    private record Pending(
            DeliveryId id, String referenceHash, int parts, Optional<BulkEmail> email, String phone, String text) {}

    private Prepared prepare(NoticeJob job) {
        Optional<Campaign> found = campaign(job.campaignId());
        int size = job.contacts().size();
        if (found.isEmpty()) {
            // A job for a campaign that does not exist cannot succeed on retry either.
            return new Prepared.Finished(new JobOutcome(0, 0, size, 0));
        }
        Campaign campaign = found.get();
        Instant now = clock.instant();
        JobKey key = job.key();
        return switch (jobs.claim(key, size, now, now.plus(lease))) {
            case JobClaim.Done d -> new Prepared.Finished(new JobOutcome(0, 0, size, 0));
            case JobClaim.HeldElsewhere h -> new Prepared.Finished(new JobOutcome(0, 0, 0, size));
            case JobClaim.Claimed c -> ready(job, campaign, c, now);
        };
    }

    private Prepared ready(NoticeJob job, Campaign campaign, JobClaim.Claimed claim, Instant now) {
        List<DeliveryId> ids = job.contacts().stream()
                .map(key -> new DeliveryId(key, job.campaignId(), job.channel()))
                .toList();
        int alreadySent = 0;
        int alreadyFailed = 0;
        int skipped = 0;
        List<DeliveryId> open = ids;
        // A takeover may find deliveries recorded by the attempt it takes over. An SMS job may find
        // deliveries recorded by another job: the fallback after an email bounce queues a job of its
        // own for a phone that the planner may have put in a job too (a co-owner without email).
        // Reading first costs one batch read per job; a text costs far more, and must go once.
        if (claim.takeover() || job.channel() == Channel.SMS) {
            Map<DeliveryId, DeliveryStatus> recorded = records.recorded(ids);
            for (DeliveryStatus status : recorded.values()) {
                if (status == DeliveryStatus.FAILED) {
                    alreadyFailed++;
                } else {
                    alreadySent++;
                }
                skipped++;
            }
            open = ids.stream().filter(id -> !recorded.containsKey(id)).toList();
        }
        // The planner encloses the sealed contacts it scanned; read only what it did not enclose.
        Map<ContactKey, StoredContact> stored = new HashMap<>(job.enclosed());
        List<ContactKey> missing = open.stream()
                .map(DeliveryId::contact)
                .filter(key -> !stored.containsKey(key))
                .toList();
        if (!missing.isEmpty()) {
            stored.putAll(contacts.find(missing));
        }
        List<Pending> pending = new ArrayList<>();
        List<DeliveryRecord> failedUpFront = new ArrayList<>();
        NoticeText noticeText = campaign.text(job.locale());
        for (DeliveryId id : open) {
            String reference = ReferenceCodes.fromSeed(keyer.referenceSeed(id.contact() + "#" + id.notice()));
            String referenceHash =
                    keyer.referenceHash(ReferenceCodes.canonical(reference).orElseThrow());
            StoredContact contact = stored.get(id.contact());
            if (contact == null) {
                failedUpFront.add(new DeliveryRecord(
                        id,
                        DeliveryStatus.FAILED,
                        referenceHash,
                        Optional.empty(),
                        Optional.of("not_in_registry"),
                        now));
                continue;
            }
            if (job.channel() == Channel.SMS) {
                String text = NoticeRendering.sms(
                        noticeText.sms(), noticeText.labels(contact.items(), job.locale()), reference);
                String phone = cipher.open(contact.value(), contact.key().value());
                pending.add(new Pending(id, referenceHash, SmsSegments.count(text), Optional.empty(), phone, text));
            } else {
                BulkEmail email = bulkEmail(campaign, job, contact, reference);
                pending.add(new Pending(id, referenceHash, 1, Optional.of(email), "", ""));
            }
        }
        return new Prepared.Ready(
                job, campaign, claim.token(), pending, failedUpFront, alreadySent, alreadyFailed, skipped);
    }

    /**
     * One reservation per campaign and channel for all ready jobs of the batch; each job's turn
     * follows the previous job's units.
     */
    private Map<Integer, Instant> schedule(List<Optional<Prepared>> prepared) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < prepared.size(); i++) {
            if (prepared.get(i).orElse(null) instanceof Prepared.Ready ready && ready.units() > 0) {
                groups.computeIfAbsent(
                                ready.job().campaignId() + "#" + ready.job().channel(), g -> new ArrayList<>())
                        .add(i);
            }
        }
        Map<Integer, Instant> slots = new ConcurrentHashMap<>();
        groups.forEach((group, members) -> {
            Prepared.Ready first = (Prepared.Ready) prepared.get(members.get(0)).orElseThrow();
            Channel channel = first.job().channel();
            double rate = adaptive.rate(
                    first.campaign().id(), channel, first.campaign().rates().perSecond(channel));
            int units = members.stream()
                    .mapToInt(i -> ((Prepared.Ready) prepared.get(i).orElseThrow()).units())
                    .sum();
            Instant start = governor.reserve(first.campaign().id(), channel, units, rate, clock.instant());
            long offset = 0;
            for (int i : members) {
                slots.put(i, start.plusNanos(Math.round(offset * 1e9 / rate)));
                offset += ((Prepared.Ready) prepared.get(i).orElseThrow()).units();
            }
        });
        return slots;
    }

    private JobOutcome execute(Prepared.Ready ready, Instant slot) throws InterruptedException {
        NoticeJob job = ready.job();
        if (slot.isAfter(clock.instant().plus(lease.dividedBy(3)))) {
            // The schedule is far ahead (more instances and batches than the rate needs): waiting
            // would outlive the lease, and another sender could take the job over and send it too.
            // Give it back; it returns with the message. The turn is left unused, never exceeded.
            jobs.release(job.key(), ready.token());
            return new JobOutcome(
                    0,
                    0,
                    ready.skipped(),
                    ready.pending().size() + ready.failedUpFront().size());
        }
        List<DeliveryRecord> done = new ArrayList<>(ready.failedUpFront());
        Map<DeliveryId, DeliveryStatus> settledElsewhere = new HashMap<>();
        List<Pending> left = ready.job().channel() == Channel.EMAIL
                ? sendEmails(ready, slot, done)
                : sendSms(ready, slot, done, settledElsewhere);
        // The crash window: sent, not yet recorded. The job's lease covers it (and for a text, the
        // claim of the delivery: a takeover finds it SENDING, not recorded, and claims it after its
        // lease). The records overwrite the texts' claims with their outcome.
        records.record(done);
        int alreadySent = ready.alreadySent();
        int alreadyFailed = ready.alreadyFailed();
        for (DeliveryStatus status : settledElsewhere.values()) {
            if (status == DeliveryStatus.FAILED) {
                alreadyFailed++;
            } else {
                alreadySent++;
            }
        }
        int skipped = ready.skipped() + settledElsewhere.size();
        int sent = alreadySent;
        int failed = alreadyFailed;
        for (DeliveryRecord record : done) {
            if (record.status() == DeliveryStatus.SENT) {
                sent++;
            } else {
                failed++;
            }
        }
        JobKey key = job.key();
        int newlySent = sent - alreadySent;
        int newlyFailed = failed - alreadyFailed;
        if (!left.isEmpty()) {
            jobs.release(key, ready.token());
            return new JobOutcome(newlySent, newlyFailed, skipped, left.size());
        }
        if (!jobs.complete(key, ready.token(), sent, failed, clock.instant())) {
            // Our lease ran out and another sender took the job over: it is not done until its
            // holder says so, and that holder may die. The message comes back and finds it done,
            // or takes it over again.
            return new JobOutcome(newlySent, newlyFailed, skipped, 1);
        }
        return new JobOutcome(newlySent, newlyFailed, skipped, 0);
    }

    private List<Pending> sendEmails(Prepared.Ready ready, Instant slot, List<DeliveryRecord> done)
            throws InterruptedException {
        Campaign campaign = ready.campaign();
        NoticeJob job = ready.job();
        List<Pending> left = ready.pending();
        Instant turn = slot;
        for (int attempt = 0; attempt < ATTEMPTS && !left.isEmpty(); attempt++) {
            List<BulkEmail> emails =
                    left.stream().map(p -> p.email().orElseThrow()).toList();
            if (attempt > 0 || clock.instant().isAfter(turn.plus(LATE))) {
                double rate = adaptive.rate(
                        campaign.id(), Channel.EMAIL, campaign.rates().emailPerSecond());
                turn = governor.reserve(campaign.id(), Channel.EMAIL, left.size(), rate, clock.instant());
                if (turn.isAfter(clock.instant().plus(lease.dividedBy(3)))) {
                    break; // too far ahead to wait for within the lease: the job comes back
                }
            }
            pacer.waitUntil(turn);
            List<SendResult> results = email.sendBulk(campaign.emailTemplateName(job.locale()), emails);
            left = settle(left, results, done, campaign.id(), Channel.EMAIL);
        }
        return left;
    }

    /**
     * Texts the job's phones, each on its turn and under a claim of its own made just before the
     * publish. Returns the deliveries left pending (to try again, or held by another sender); puts
     * those another sender already settled in {@code settledElsewhere}.
     */
    private List<Pending> sendSms(
            Prepared.Ready ready,
            Instant slot,
            List<DeliveryRecord> done,
            Map<DeliveryId, DeliveryStatus> settledElsewhere)
            throws InterruptedException {
        Campaign campaign = ready.campaign();
        NoticeJob job = ready.job();
        double rate = adaptive.rate(campaign.id(), Channel.SMS, campaign.rates().smsPerSecond());
        List<Pending> left = new ArrayList<>();
        int remaining = ready.units();
        Instant start = slot;
        long offset = 0;
        for (Pending delivery : ready.pending()) {
            Instant turn = start.plusNanos(Math.round(offset * 1e9 / rate));
            if (clock.instant().isAfter(turn.plus(LATE))) {
                // Behind the schedule: the rest of this job's parts take new turns.
                start = governor.reserve(campaign.id(), Channel.SMS, remaining, rate, clock.instant());
                offset = 0;
                turn = start;
            }
            pacer.waitUntil(turn);
            offset += delivery.parts();
            remaining -= delivery.parts();
            Instant now = clock.instant();
            switch (claims.claim(delivery.id(), delivery.referenceHash(), now, now.plus(lease))) {
                case ClaimOutcome.AlreadySettled already -> settledElsewhere.put(delivery.id(), already.status());
                case ClaimOutcome.HeldElsewhere held -> {
                    // Another job holds the phone now (or a crashed sender's lease has not run out):
                    // not texted, not done; the job comes back and claims it again.
                    left.add(delivery);
                }
                case ClaimOutcome.Claimed claimed -> {
                    List<Pending> again = settle(
                            List.of(delivery),
                            List.of(sms.send(delivery.phone(), delivery.text())),
                            done,
                            campaign.id(),
                            Channel.SMS);
                    // Not taken by the provider: give the claim back so the retry need not wait.
                    again.forEach(pending -> claims.release(pending.id(), claimed.token()));
                    left.addAll(again);
                }
            }
        }
        return left;
    }

    /** Records what the provider answered; returns the deliveries to try again. */
    private List<Pending> settle(
            List<Pending> sent,
            List<SendResult> results,
            List<DeliveryRecord> done,
            String campaignId,
            Channel channel) {
        Instant at = clock.instant();
        List<Pending> again = new ArrayList<>();
        boolean throttled = false;
        for (int i = 0; i < sent.size(); i++) {
            Pending delivery = sent.get(i);
            SendResult result = i < results.size() ? results.get(i) : new SendResult.Failed("no_result");
            switch (result) {
                case SendResult.Accepted a ->
                    done.add(new DeliveryRecord(
                            delivery.id(),
                            DeliveryStatus.SENT,
                            delivery.referenceHash(),
                            Optional.of(a.messageId()),
                            Optional.empty(),
                            at));
                case SendResult.Rejected r ->
                    done.add(new DeliveryRecord(
                            delivery.id(),
                            DeliveryStatus.FAILED,
                            delivery.referenceHash(),
                            Optional.empty(),
                            Optional.of(r.reason()),
                            at));
                case SendResult.Throttled t -> {
                    throttled = true;
                    again.add(delivery);
                }
                case SendResult.Failed f -> again.add(delivery);
            }
        }
        if (throttled) {
            adaptive.throttled(campaignId, channel);
        } else {
            adaptive.succeeded(campaignId, channel);
        }
        return again;
    }

    private BulkEmail bulkEmail(Campaign campaign, NoticeJob job, StoredContact contact, String reference) {
        String address = cipher.open(contact.value(), contact.key().value());
        String name = contact.name()
                .map(sealedName -> cipher.open(sealedName, contact.key().value()))
                .orElse("");
        return new BulkEmail(
                address,
                NoticeRendering.emailData(
                        name,
                        campaign.text(job.locale()).labels(contact.items(), job.locale()),
                        List.of(),
                        reference),
                Map.of("campaign", campaign.id(), "contact", contact.key().value(), "channel", "email"));
    }

    private Optional<Campaign> campaign(String campaignId) {
        return campaignCache.find(campaignId);
    }
}
