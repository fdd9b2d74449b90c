package com.breachnotice.core.sending;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.CampaignCache;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryRecorder;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.JobClaim;
import com.breachnotice.core.delivery.JobLedger;
import com.breachnotice.core.delivery.JobTally;
import com.breachnotice.core.planning.NoticeJob;
import com.breachnotice.core.registry.StoredContact;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Sends notice jobs: claim, prepare, schedule, send, record. Each job of up to 50 deliveries is
 * claimed with one conditional write (a lease on the job) before anything is sent, its messages
 * built, its turn reserved in the campaign's {@link SendSchedule}, sent by its channel's
 * {@link JobSender} (one SES bulk call, or one SNS publish per text), recorded with batched writes
 * and completed: about six requests per 50 notices.
 *
 * <ul>
 *   <li>A redelivered or concurrently received job finds its claim done or held, and sends nothing.
 *   <li>A sender that crashes between send and record leaves a lease that runs out; the job is then
 *       taken over, the deliveries already recorded are skipped and the rest sent again, with the
 *       same reference codes (they derive from the delivery). So a crash re-sends at most once the
 *       deliveries of the one job it interrupted.
 *   <li>A holder never starts a provider call that its lease would not outlast ({@link LeaseTerms}):
 *       it stops, records what it sent and gives the job back. So a job is only ever sent by one
 *       holder at a time, however slow the machine.
 *   <li>Permanent refusals are recorded {@code FAILED} with the reason; throttled and transient
 *       entries are retried by the channel sender and, if they still fail, the job is given back
 *       unfinished so SQS brings it back.
 *   <li>The jobs of one SQS batch are claimed and sent concurrently (virtual threads), each after its
 *       turn: one reservation per campaign and channel covers the batch, so several bulk calls are in
 *       flight and the rate holds across instances.
 *   <li>A sender reserves only turns it will wait for ({@link SendGovernor#reserveBy}): the jobs of a
 *       batch that fit half the wait, and only while the schedule's end is near enough. The others
 *       are parked unreserved, so no turn is left unused to push the schedule away from now.
 * </ul>
 */
public final class SenderService {

    /**
     * A job whose turn is further ahead than this asks the gate again once its turn comes: with the
     * gate's own cache (3 s) a pause then stops every call that would start more than 5 s later.
     */
    static final Duration RECHECK_BEYOND = Duration.ofSeconds(2);

    /** The random part of a refused batch's park (see {@code refusedPark}); SQS delays at most 15 minutes. */
    static final Duration REFUSED_SPREAD = Duration.ofMinutes(10);

    private final CampaignCache campaigns;
    private final CampaignGate gate;
    private final JobLedger jobs;
    private final Recipients recipients;
    private final DeliveryRecorder records;
    private final Map<Channel, JobSender<?>> senders;
    private final SendSchedule schedule;
    private final LeaseTerms leases;
    private final Clock clock;
    private final TaskThreads taskThreads;

    public SenderService(
            CampaignCache campaigns,
            CampaignGate gate,
            JobLedger jobs,
            Recipients recipients,
            DeliveryRecorder records,
            List<JobSender<?>> senders,
            SendSchedule schedule,
            LeaseTerms leases,
            Clock clock) {
        this(campaigns, gate, jobs, recipients, records, senders, schedule, leases, clock, TaskThreads.VIRTUAL);
    }

    public SenderService(
            CampaignCache campaigns,
            CampaignGate gate,
            JobLedger jobs,
            Recipients recipients,
            DeliveryRecorder records,
            List<JobSender<?>> senders,
            SendSchedule schedule,
            LeaseTerms leases,
            Clock clock,
            TaskThreads threads) {
        this.campaigns = campaigns;
        this.gate = gate;
        this.jobs = jobs;
        this.recipients = recipients;
        this.records = records;
        Map<Channel, JobSender<?>> byChannel = new EnumMap<>(Channel.class);
        senders.forEach(sender -> byChannel.put(sender.channel(), sender));
        this.senders = Map.copyOf(byChannel);
        this.schedule = schedule;
        this.leases = leases;
        this.clock = clock;
        this.taskThreads = threads;
    }

    /**
     * What became of one job. When {@code retryLater} is positive the job must come back; when
     * {@code held} (its campaign is paused) it must come back later without counting as a failed
     * attempt. {@code cancelled} deliveries were closed because the campaign was cancelled. A
     * positive {@code comeBackIn} is a job given back because its turn was too far ahead: it must
     * come back after about that long, not counting as a failed attempt either.
     */
    public record JobOutcome(
            int sent, int failed, int skipped, int retryLater, int cancelled, boolean held, Duration comeBackIn) {

        public JobOutcome(int sent, int failed, int skipped, int retryLater) {
            this(sent, failed, skipped, retryLater, 0, false);
        }

        public JobOutcome(int sent, int failed, int skipped, int retryLater, int cancelled, boolean held) {
            this(sent, failed, skipped, retryLater, cancelled, held, Duration.ZERO);
        }

        static JobOutcome heldBack(int size) {
            return new JobOutcome(0, 0, 0, size, 0, true);
        }

        static JobOutcome tooEarly(int skipped, int size, Duration untilTurn) {
            return new JobOutcome(0, 0, skipped, size, 0, false, untilTurn);
        }

        /** Whether the job must wait, parked, rather than come back as a failed attempt. */
        public boolean parked() {
            return held || comeBackIn.isPositive();
        }

        public boolean complete() {
            return retryLater == 0;
        }
    }

    public JobOutcome send(NoticeJob job) {
        return switch (sendAll(List.of(job)).get(0)) {
            case JobResult.Done done -> done.outcome();
            case JobResult.Crashed crashed -> throw new IllegalStateException("the job crashed", crashed.failure());
        };
    }

    /**
     * What became of one job of a batch: its outcome, or the unexpected failure that ended it (the job
     * comes back through SQS; its lease covers the retry). The failure travels out so that the handler
     * can say why; the core has no logger.
     */
    public sealed interface JobResult {
        record Done(JobOutcome outcome) implements JobResult {}

        record Crashed(Throwable failure) implements JobResult {}

        /** The outcome, or empty when the job crashed. */
        default Optional<JobOutcome> completed() {
            return this instanceof Done done ? Optional.of(done.outcome()) : Optional.empty();
        }
    }

    /** Sends the jobs of one batch concurrently, with no deadline but the jobs' leases. */
    public List<JobResult> sendAll(List<NoticeJob> batch) {
        return sendAll(batch, Instant.MAX);
    }

    /**
     * Sends the jobs of one batch concurrently. One result per job, in order. No provider call starts
     * that would not end by {@code stopBy} (the invocation's own deadline: Lambda ends a function at
     * its timeout, and a job cut off between a provider's acceptance and its record would be sent
     * again by its takeover); what is left is given back, as when the lease runs short.
     */
    public List<JobResult> sendAll(List<NoticeJob> batch, Instant stopBy) {
        try (ExecutorService threads = taskThreads.open("notice job ")) {
            List<Future<Prepared>> preparing = new ArrayList<>();
            for (NoticeJob job : batch) {
                preparing.add(threads.submit(() -> prepare(job)));
            }
            List<Prepared> prepared = new ArrayList<>();
            for (Future<Prepared> future : preparing) {
                prepared.add(join(future, Failed::new));
            }
            Map<Integer, Turn> turns = schedule(prepared);
            List<Future<JobResult>> sending = new ArrayList<>();
            for (int i = 0; i < prepared.size(); i++) {
                Turn turn = turns.getOrDefault(i, Turn.NONE);
                Prepared job = prepared.get(i);
                sending.add(threads.submit(() -> switch (job) {
                    case Ready<?> ready -> new JobResult.Done(send(ready, turn, stopBy));
                    case Finished finished -> new JobResult.Done(finished.outcome());
                    case Failed failed -> new JobResult.Crashed(failed.failure());
                }));
            }
            List<JobResult> results = new ArrayList<>();
            for (Future<JobResult> future : sending) {
                results.add(join(future, JobResult.Crashed::new));
            }
            return results;
        }
    }

    /** The task's value, or what {@code failed} makes of the exception that ended it. */
    private static <T> T join(Future<T> future, Function<Throwable, ? extends T> failed) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return failed.apply(e.getCause() != null ? e.getCause() : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed.apply(e);
        }
    }

    /** A job after its claim: finished already, ready to send, or ended by an unexpected failure. */
    private sealed interface Prepared permits Finished, Ready, Failed {}

    private record Failed(Throwable failure) implements Prepared {}

    private record Finished(JobOutcome outcome) implements Prepared {}

    /**
     * What a job's records already held when it was claimed, and of that what this job counts: on
     * a takeover, what the attempt it takes over recorded (that attempt never completed, so never
     * counted it); never what another job settled (a phone in two SMS jobs), which that job counts.
     */
    private record Tally(int sent, int failed, JobTally counted) {
        int skipped() {
            return sent + failed;
        }

        Tally plus(Map<DeliveryId, DeliveryStatus> recorded, boolean ours) {
            int failedMore = (int) recorded.values().stream()
                    .filter(status -> status == DeliveryStatus.FAILED || status == DeliveryStatus.CANCELLED)
                    .count();
            return new Tally(
                    sent + recorded.size() - failedMore,
                    failed + failedMore,
                    ours ? counted.plus(asRecorded(recorded.values())) : counted);
        }

        /**
         * Statuses as their attempt recorded them: provider events may have moved a sent delivery
         * on since, and the events function counted that move against {@code sent}.
         */
        private static JobTally asRecorded(Iterable<DeliveryStatus> statuses) {
            Map<DeliveryStatus, Integer> counts = new EnumMap<>(DeliveryStatus.class);
            Map<String, Integer> reasons = new LinkedHashMap<>();
            for (DeliveryStatus status : statuses) {
                DeliveryStatus recordedAs = status == DeliveryStatus.FAILED || status == DeliveryStatus.CANCELLED
                        ? status
                        : DeliveryStatus.SENT;
                counts.merge(recordedAs, 1, Integer::sum);
                if (recordedAs == DeliveryStatus.FAILED) {
                    reasons.merge(JobTally.UNKNOWN_REASON, 1, Integer::sum);
                }
            }
            return new JobTally(counts, reasons);
        }
    }

    private static final Tally NOTHING_YET = new Tally(0, 0, JobTally.EMPTY);

    /** A claimed job with its messages built, sent by the sender of its channel. */
    private record Ready<M extends Outgoing>(
            JobNotice notice,
            JobSender<M> sender,
            String token,
            Instant leaseUntil,
            List<M> outgoing,
            List<DeliveryRecord> failedUpFront,
            Tally already)
            implements Prepared {

        int units() {
            return outgoing.stream().mapToInt(Outgoing::units).sum();
        }

        /** From {@code turn}, while both the lease and the invocation outlast a call. */
        JobSender.Run send(Instant turn, Instant stopBy) throws InterruptedException {
            return sender.send(notice, outgoing, turn, stopBy.isBefore(leaseUntil) ? stopBy : leaseUntil);
        }
    }

    private Prepared prepare(NoticeJob job) {
        int size = job.contacts().size();
        Optional<Campaign> found = campaigns.find(job.campaignId());
        if (found.isEmpty()) {
            // A job for a campaign that does not exist cannot succeed on retry either.
            return new Finished(new JobOutcome(0, 0, size, 0));
        }
        Campaign campaign = found.get();
        Instant now = clock.instant();
        switch (gate.admit(campaign, job.channel(), now)) {
            case CampaignGate.Decision.Held held -> {
                // Nothing claimed: the job waits (the handler parks its message) and comes back.
                return new Finished(JobOutcome.heldBack(size));
            }
            case CampaignGate.Decision.Closed closed -> {
                return new Finished(cancel(job, closed.reason(), now));
            }
            case CampaignGate.Decision.Open open -> {
                // claim below
            }
        }
        Instant leaseUntil = leases.until(now);
        return switch (jobs.claim(job.key(), size, now, leaseUntil)) {
            case JobClaim.Done d -> new Finished(new JobOutcome(0, 0, size, 0));
            case JobClaim.HeldElsewhere h -> new Finished(new JobOutcome(0, 0, 0, size));
            case JobClaim.Claimed c -> ready(senderOf(job.channel()), JobNotice.of(campaign, job), c, leaseUntil);
        };
    }

    /**
     * Closes a job of a cancelled campaign: under the job's claim, every delivery not yet recorded
     * is recorded {@code cancelled} with the operator's reason, and the job completes with them
     * counted. Nothing is sent. A job another sender holds comes back after its lease.
     */
    private JobOutcome cancel(NoticeJob job, String reason, Instant now) {
        int size = job.contacts().size();
        return switch (jobs.claim(job.key(), size, now, leases.until(now))) {
            case JobClaim.Done d -> new JobOutcome(0, 0, size, 0);
            case JobClaim.HeldElsewhere h -> new JobOutcome(0, 0, 0, size);
            case JobClaim.Claimed claim -> {
                List<DeliveryId> ids = job.contacts().stream()
                        .map(key -> new DeliveryId(key, job.campaignId(), job.channel()))
                        .toList();
                Map<DeliveryId, DeliveryStatus> recorded = records.recorded(ids);
                Tally already = NOTHING_YET.plus(recorded, claim.takeover());
                List<DeliveryRecord> cancelled = ids.stream()
                        .filter(id -> !recorded.containsKey(id))
                        .map(id -> new DeliveryRecord(
                                id,
                                DeliveryStatus.CANCELLED,
                                recipients.reference(id).hash(),
                                Optional.empty(),
                                Optional.of(CANCELLED_REASON_PREFIX + reason),
                                now))
                        .toList();
                records.record(cancelled);
                if (!jobs.complete(job.key(), claim.token(), already.counted().plus(JobTally.of(cancelled)), now)) {
                    yield new JobOutcome(0, 0, already.skipped(), 1);
                }
                yield new JobOutcome(0, 0, already.skipped(), 0, cancelled.size(), false);
            }
        };
    }

    /** What a cancelled delivery's reason starts with, before the operator's words. */
    public static final String CANCELLED_REASON_PREFIX = "campaign cancelled: ";

    private JobSender<?> senderOf(Channel channel) {
        JobSender<?> sender = senders.get(channel);
        if (sender == null) {
            throw new IllegalStateException("no sender for " + channel);
        }
        return sender;
    }

    private <M extends Outgoing> Ready<M> ready(
            JobSender<M> sender, JobNotice notice, JobClaim.Claimed claim, Instant leaseUntil) {
        NoticeJob job = notice.job();
        List<DeliveryId> ids = job.contacts().stream()
                .map(key -> new DeliveryId(key, job.campaignId(), job.channel()))
                .toList();
        Tally already = NOTHING_YET;
        List<DeliveryId> open = ids;
        // A takeover may find deliveries recorded by the attempt it takes over. An SMS job may find
        // deliveries recorded by another job: the fallback after an email bounce queues a job of its
        // own for a phone that the planner may have put in a job too (a co-owner without email).
        // Reading first costs one batch read per job; a text costs far more, and must go once.
        if (claim.takeover() || job.channel() == Channel.SMS) {
            Map<DeliveryId, DeliveryStatus> recorded = records.recorded(ids);
            already = already.plus(recorded, claim.takeover());
            open = ids.stream().filter(id -> !recorded.containsKey(id)).toList();
        }
        Map<ContactKey, StoredContact> stored = recipients.contacts(job, open);
        List<M> outgoing = new ArrayList<>();
        List<DeliveryRecord> failedUpFront = new ArrayList<>();
        for (DeliveryId id : open) {
            Recipients.Reference reference = recipients.reference(id);
            StoredContact contact = stored.get(id.contact());
            if (contact == null) {
                failedUpFront.add(new DeliveryRecord(
                        id,
                        DeliveryStatus.FAILED,
                        reference.hash(),
                        Optional.empty(),
                        Optional.of("not_in_registry"),
                        clock.instant()));
            } else {
                outgoing.add(sender.prepare(notice, id, reference, contact));
            }
        }
        return new Ready<>(notice, sender, claim.token(), leaseUntil, outgoing, failedUpFront, already);
    }

    /** A ready job of the batch and its place in it. */
    private record Placed(int index, Ready<?> ready) {}

    /** A job's turn, and where the reservation that gave it ended (after the batch's last job). */
    private record Turn(Instant at, Instant reservationEnd) {
        static final Turn NONE = new Turn(Instant.MIN, Instant.MIN);
    }

    /** One reservation per campaign and channel for all ready jobs of the batch. */
    private Map<Integer, Turn> schedule(List<Prepared> prepared) {
        Map<String, List<Placed>> groups = new LinkedHashMap<>();
        for (int i = 0; i < prepared.size(); i++) {
            if (prepared.get(i) instanceof Ready<?> r && r.units() > 0) {
                groups.computeIfAbsent(
                                r.notice().campaign().id() + "#" + r.sender().channel(), g -> new ArrayList<>())
                        .add(new Placed(i, r));
            }
        }
        Map<Integer, Turn> turns = new LinkedHashMap<>();
        groups.values().forEach(members -> {
            Ready<?> first = members.get(0).ready();
            Campaign campaign = first.notice().campaign();
            Channel channel = first.sender().channel();
            Instant now = clock.instant();
            Optional<Instant> farAhead = schedule.knownEndAfter(campaign, channel, leases.latestTurn(now));
            if (farAhead.isPresent()) {
                // This instance's last reservation already ended further ahead than a holder may
                // wait: a new one would only leave unused turns. The jobs go back unreserved, to
                // come back when that end is near enough to wait for.
                Turn beyond = new Turn(
                        farAhead.get(), farAhead.get().minus(leases.length().dividedBy(3)));
                members.forEach(m -> turns.put(m.index(), beyond));
                return;
            }
            // Only the jobs whose turns fit half of what a holder waits for are reserved, and only
            // if the schedule lets every one of them come in time: a turn given back unused is a
            // hole no one fills (texts at 10 parts a second: a batch of ten jobs is over a minute
            // of schedule). The others go back unreserved and come back when it is their time.
            Instant latest = leases.latestTurn(now);
            List<Placed> fitting = fitting(
                    members, schedule.rate(campaign, channel), leases.length().dividedBy(6));
            Optional<List<Instant>> reserved = schedule.reserveBy(
                    campaign,
                    channel,
                    fitting.stream().map(m -> m.ready().units()).toList(),
                    latest);
            if (reserved.isEmpty()) {
                Turn later = new Turn(Instant.MAX, now.plus(refusedPark()));
                members.forEach(m -> turns.put(m.index(), later));
                return;
            }
            Ready<?> last = fitting.get(fitting.size() - 1).ready();
            Instant end = SendSchedule.after(
                    reserved.get().get(fitting.size() - 1), last.units(), schedule.rate(campaign, channel));
            for (int m = 0; m < members.size(); m++) {
                turns.put(
                        members.get(m).index(),
                        m < fitting.size() ? new Turn(reserved.get().get(m), end) : new Turn(Instant.MAX, end));
            }
        });
        return turns;
    }

    /**
     * How long a batch the schedule refused stays parked: a sixth of the lease, plus up to
     * {@link #REFUSED_SPREAD} at random. Texts at 10 parts a second keep jobs queued for days; back
     * every 30 s, each would cost a claim, a release, a refusal and a park every time (on the
     * campaign's one partition of the campaigns table). Spread at random, enough of them still come
     * back at any moment to fill every turn.
     */
    private Duration refusedPark() {
        long spread = java.util.concurrent.ThreadLocalRandom.current().nextLong(REFUSED_SPREAD.toMillis() + 1);
        return leases.length().dividedBy(6).plusMillis(spread);
    }

    /** The first jobs whose sends take at most {@code span} at {@code rate}; always the first one. */
    private static List<Placed> fitting(List<Placed> members, double rate, Duration span) {
        List<Placed> fitting = new ArrayList<>();
        long units = 0;
        for (Placed member : members) {
            units += member.ready().units();
            if (!fitting.isEmpty() && units / rate > span.toNanos() / 1e9) {
                break;
            }
            fitting.add(member);
        }
        return fitting;
    }

    private JobOutcome send(Ready<?> ready, Turn reserved, Instant stopBy) throws InterruptedException {
        Instant turn = reserved.at();
        int pending = ready.outgoing().size() + ready.failedUpFront().size();
        Instant now = clock.instant();
        if (!ready.outgoing().isEmpty() && !leases.worthWaitingFor(turn, now)) {
            // The schedule is far ahead (more instances and batches than the rate needs, or texts
            // at a few parts a second): give the job back, the turn left unused, never exceeded.
            // Parked, not failed: waiting for the schedule must not spend the message's receives
            // and dead-letter it. It comes back once the schedule as this reservation left it has
            // run out, not at its own turn: jobs back at their turns would each reserve again at
            // the end, moving it on as fast as time goes, and the schedule would never come near.
            jobs.release(ready.notice().job().key(), ready.token());
            return JobOutcome.tooEarly(
                    ready.already().skipped(), pending, Duration.between(now, reserved.reservationEnd()));
        }
        if (!ready.outgoing().isEmpty() && turn.isAfter(clock.instant().plus(RECHECK_BEYOND))) {
            // The turn is seconds ahead (up to a third of the lease): wait for it here, then ask the
            // gate again, so a pause or cancel made meanwhile stops this job before its first call.
            schedule.waitUntil(turn);
            if (!(gate.admit(ready.notice().campaign(), ready.notice().job().channel(), clock.instant())
                    instanceof CampaignGate.Decision.Open)) {
                // Nothing goes out; the job comes back and meets the gate again.
                jobs.release(ready.notice().job().key(), ready.token());
                return JobOutcome.heldBack(pending);
            }
        }
        JobSender.Run run = ready.outgoing().isEmpty()
                ? new JobSender.Run(List.of(), List.of(), Map.of(), false)
                : ready.send(turn, stopBy);
        List<DeliveryRecord> done = new ArrayList<>(ready.failedUpFront());
        done.addAll(run.done());
        // The crash window: sent, not yet recorded. The job's lease covers it (and for a text, the
        // claim of the delivery: a takeover finds it SENDING, not recorded, and claims it after its
        // lease). The records overwrite the texts' claims with their outcome.
        records.record(done);
        Tally already = ready.already().plus(run.settledElsewhere(), false);
        int newlySent = (int) done.stream()
                .filter(record -> record.status() == DeliveryStatus.SENT)
                .count();
        int newlyFailed = done.size() - newlySent;
        int skipped = already.skipped();
        var key = ready.notice().job().key();
        if (!run.left().isEmpty()) {
            jobs.release(key, ready.token());
            return new JobOutcome(newlySent, newlyFailed, skipped, run.left().size());
        }
        if (!jobs.complete(key, ready.token(), already.counted().plus(JobTally.of(done)), clock.instant())) {
            // Our lease ran out and another sender took the job over: it is not done until its
            // holder says so, and that holder may die. The message comes back and finds it done,
            // or takes it over again.
            return new JobOutcome(newlySent, newlyFailed, skipped, 1);
        }
        return new JobOutcome(newlySent, newlyFailed, skipped, 0);
    }
}
