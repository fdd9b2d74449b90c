package com.breachnotice.bench.scale;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.CampaignStore;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.EmailTemplates;
import com.breachnotice.core.campaign.SmsSegments;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.crypto.DataKey;
import com.breachnotice.core.crypto.DataKeyProvider;
import com.breachnotice.core.delivery.ClaimOutcome;
import com.breachnotice.core.delivery.DeliveryClaims;
import com.breachnotice.core.delivery.DeliveryCounts;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryRecorder;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.JobClaim;
import com.breachnotice.core.delivery.JobKey;
import com.breachnotice.core.delivery.JobLedger;
import com.breachnotice.core.delivery.JobTally;
import com.breachnotice.core.intake.ContactRecord;
import com.breachnotice.core.intake.IntakeLedger;
import com.breachnotice.core.intake.IntakeStatus;
import com.breachnotice.core.intake.ManifestSource;
import com.breachnotice.core.intake.ManifestUpload;
import com.breachnotice.core.intake.RangeOutcome;
import com.breachnotice.core.intake.Registered;
import com.breachnotice.core.intake.Registration;
import com.breachnotice.core.intake.RejectsReport;
import com.breachnotice.core.intake.SubjectRegistry;
import com.breachnotice.core.intake.Unconfirmed;
import com.breachnotice.core.manifest.ManifestSummary;
import com.breachnotice.core.manifest.Rejection;
import com.breachnotice.core.planning.ContactDirectory;
import com.breachnotice.core.planning.ContactPage;
import com.breachnotice.core.planning.ContactProfile;
import com.breachnotice.core.planning.PlanLedger;
import com.breachnotice.core.planning.PlanProgress;
import com.breachnotice.core.planning.PlanTask;
import com.breachnotice.core.registry.ContactBook;
import com.breachnotice.core.registry.StoredContact;
import com.breachnotice.core.sending.BulkEmail;
import com.breachnotice.core.sending.EmailSender;
import com.breachnotice.core.sending.SendGovernor;
import com.breachnotice.core.sending.SendResult;
import com.breachnotice.core.sending.SmsSender;
import com.breachnotice.core.testing.FakeDataKeyProvider;
import com.breachnotice.core.testing.InMemoryIntakeLedger;
import com.breachnotice.core.testing.InMemoryJobLedger;
import com.breachnotice.core.testing.InMemoryPlanLedger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The store fakes of the model: each implements a core port, keeps as little state as the services
 * need (presence sets and a scratch file, never the manifest's people on the heap), and charges
 * every call as the matching adapter's requests to {@link Aws}.
 */
final class Stores {

    private Stores() {}

    /** A set of 64-bit hashes, open addressing: 3 million people's keys in tens of megabytes. */
    static final class LongSet {
        private long[] slots = new long[1 << 16];
        private int size;

        synchronized boolean add(long value) {
            long v = value == 0 ? 1 : value;
            if (size * 2 >= slots.length) {
                grow();
            }
            int mask = slots.length - 1;
            int i = (int) (mix(v) & mask);
            while (slots[i] != 0) {
                if (slots[i] == v) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            slots[i] = v;
            size++;
            return true;
        }

        synchronized boolean contains(long value) {
            long v = value == 0 ? 1 : value;
            int mask = slots.length - 1;
            int i = (int) (mix(v) & mask);
            while (slots[i] != 0) {
                if (slots[i] == v) {
                    return true;
                }
                i = (i + 1) & mask;
            }
            return false;
        }

        synchronized int size() {
            return size;
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            size = 0;
            for (long v : old) {
                if (v != 0) {
                    add(v);
                }
            }
        }

        private static long mix(long v) {
            long h = v * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 29);
        }
    }

    /** FNV-1a, 64 bits. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    static long hash(DeliveryId id) {
        return hash(id.contact().value() + "|" + id.notice());
    }

    /** The DynamoDB tables of template.yaml and their limits. */
    static final class Tables {
        final Aws.Table subjects;
        final Aws.Table contacts;
        final Aws.Table deliveries;
        final Aws.Table intake;

        /**
         * Every item of one campaign (plan pages, job claims, the send schedule) shares the
         * partition key {@code campaignId}: one partition, so at most 1,000 WCU and 3,000 RCU.
         */
        final Aws.Table campaign;

        Tables(double intakeWcu, double intakeRcu, double otherWcu, double otherRcu) {
            subjects = new Aws.Table("subjects", intakeWcu, intakeRcu);
            contacts = new Aws.Table("contacts", intakeWcu, intakeRcu);
            deliveries = new Aws.Table("deliveries", otherWcu, otherRcu);
            intake = new Aws.Table("intake", otherWcu, otherRcu);
            campaign = new Aws.Table("campaigns", Math.min(otherWcu, 1000), Math.min(otherRcu, 3000));
        }

        List<Aws.Table> all() {
            return List.of(subjects, contacts, deliveries, intake, campaign);
        }
    }

    /** Subjects and contacts: presence sets, and the contacts' items in the {@link ContactFile}. */
    static final class Registry implements SubjectRegistry, ContactDirectory, ContactBook {
        private final Aws aws;
        private final Tables tables;
        private final ContactFile file;
        private final LongSet subjects = new LongSet();
        private final LongSet contacts = new LongSet();
        /** Subject and defining line, contact and owner: what a stored item already holds. */
        private final LongSet definingLines = new LongSet();

        private final LongSet owners = new LongSet();
        final AtomicLong merges = new AtomicLong();
        final AtomicLong bookMisses = new AtomicLong();

        /** Contact key to line of the page the calling planner read last: what a queued job refers to. */
        private final ThreadLocal<Map<ContactKey, Integer>> lastPage = ThreadLocal.withInitial(HashMap::new);

        Registry(Aws aws, Tables tables, ContactFile file) {
            this.aws = aws;
            this.tables = tables;
            this.file = file;
        }

        /**
         * One chunk as DynamoDbSubjectRegistry registers it: this chunk's reads and writes, then the
         * verification of the previous chunk's blind puts, which the caller hands back
         * ({@link Unconfirmed}): like the adapter, the fake keeps nothing between calls.
         */
        @Override
        public Registered register(String manifestId, List<Registration> rows, Unconfirmed previous) {
            Unconfirmed written = write(rows);
            if (!previous.isEmpty()) {
                verify(previous);
            }
            return new Registered(Map.of(), List.of(), List.of(), written);
        }

        @Override
        public Registered settle(String manifestId, Unconfirmed last) {
            if (!last.isEmpty()) {
                verify(last);
            }
            return Registered.NOTHING;
        }

        /**
         * One chunk's requests as the adapter makes them: a strongly consistent {@code BatchGetItem}
         * per 100 keys on subjects, then on contacts (one call after the other, as
         * {@code DynamoDbBatches.get} asks its chunks), then the puts (25 a request) and merging
         * updates together on the registry's 8 write threads. Returns the blind puts.
         */
        private Unconfirmed write(List<Registration> rows) {
            Map<String, Registration> customers = new LinkedHashMap<>();
            Map<ContactKey, List<ContactRecord>> chunkContacts = new LinkedHashMap<>();
            for (Registration row : rows) {
                customers.putIfAbsent(row.subject().customerId(), row);
                for (ContactRecord contact : row.contacts()) {
                    chunkContacts
                            .computeIfAbsent(contact.key(), k -> new ArrayList<>())
                            .add(contact);
                }
            }
            aws.batch(tables.subjects, "BatchGetItem", false, Aws.chunks(customers.size(), 100), 1.0, 1, aws.patient);
            aws.batch(
                    tables.contacts, "BatchGetItem", false, Aws.chunks(chunkContacts.size(), 100), 1.0, 1, aws.patient);
            // What the adapter writes: absent items are put; stored items that already hold what the
            // rows bring (a range loaded again) cost nothing; the others merge, one UpdateItem each.
            List<Registration> newSubjects = new ArrayList<>();
            int subjectUpdates = 0;
            for (Registration row : customers.values()) {
                boolean known = !subjects.add(hash(row.subject().customerId()));
                boolean covered = !definingLines.add(hash(row.subject().customerId() + "|" + row.line()));
                if (!known) {
                    newSubjects.add(row);
                } else if (!covered) {
                    subjectUpdates++;
                }
            }
            List<ContactRecord> newContacts = new ArrayList<>();
            int contactUpdates = 0;
            for (List<ContactRecord> records : chunkContacts.values()) {
                ContactRecord contact = records.get(0);
                boolean known = !contacts.add(hash(contact.key().value()));
                boolean covered = true;
                for (ContactRecord record : records) {
                    covered &= !owners.add(hash(contact.key().value() + "|" + record.customerId()));
                }
                if (!known) {
                    newContacts.addAll(records);
                    file.append(new StoredContact(
                            contact.key(),
                            contact.value(),
                            contact.name(),
                            contact.locale(),
                            contact.items(),
                            contact.smsCapable(),
                            contact.ownerWithoutEmail()));
                } else if (!covered) {
                    contactUpdates++;
                    merges.incrementAndGet();
                }
            }
            int contactPuts = (int)
                    newContacts.stream().map(ContactRecord::key).distinct().count();
            aws.batch(tables.subjects, "BatchWriteItem", true, Aws.chunks(newSubjects.size(), 25), 1.0, 8, aws.patient);
            aws.batch(tables.contacts, "BatchWriteItem", true, Aws.chunks(contactPuts, 25), 1.0, 8, aws.patient);
            // The updates run on the same 8 write threads, under the same patient retry as the puts.
            aws.batch(tables.subjects, "UpdateItem", true, Aws.chunks(subjectUpdates, 1), 1.0, 8, aws.patient);
            aws.batch(tables.contacts, "UpdateItem", true, Aws.chunks(contactUpdates, 1), 1.0, 8, aws.patient);
            return new Unconfirmed(newSubjects, newContacts);
        }

        /** The blind puts read again, subjects then contacts, as the adapter verifies them. */
        private void verify(Unconfirmed blind) {
            long subjectKeys = blind.subjects().stream()
                    .map(row -> row.subject().customerId())
                    .distinct()
                    .count();
            aws.batch(tables.subjects, "BatchGetItem", false, Aws.chunks((int) subjectKeys, 100), 1.0, 1, aws.patient);
            aws.batch(
                    tables.contacts,
                    "BatchGetItem",
                    false,
                    Aws.chunks(
                            (int) blind.contacts().stream()
                                    .map(ContactRecord::key)
                                    .distinct()
                                    .count(),
                            100),
                    1.0,
                    1,
                    aws.patient);
        }

        int subjectCount() {
            return subjects.size();
        }

        int contactCount() {
            return contacts.size();
        }

        @Override
        public ContactPage scan(int segment, int totalSegments, Optional<String> startKey, int pageSize) {
            int lines = file.lines();
            int segmentStart = (int) ((long) segment * lines / totalSegments);
            int segmentEnd = (int) ((long) (segment + 1) * lines / totalSegments);
            int from = startKey.map(Integer::parseInt).orElse(segmentStart);
            int to = Math.min(segmentEnd, from + pageSize);
            // An eventually consistent Scan: half a read unit per 4 KB of items read.
            double units = Math.max(0.5, Math.ceil((to - from) * file.averageBytes() / 4096) * 0.5);
            aws.item(tables.contacts, "Scan", false, units, aws.dynamoScan);
            List<StoredContact> page = to > from ? file.read(from, to) : List.of();
            Map<ContactKey, Integer> lineOf = lastPage.get();
            lineOf.clear();
            List<ContactProfile> profiles = new ArrayList<>(page.size());
            for (int i = 0; i < page.size(); i++) {
                StoredContact stored = page.get(i);
                lineOf.put(stored.key(), from + i);
                profiles.add(new ContactProfile(
                        stored.key(),
                        stored.locale(),
                        stored.smsCapable(),
                        stored.ownerWithoutEmail(),
                        Optional.of(stored)));
            }
            aws.time().discardCpu();
            return new ContactPage(profiles, to < segmentEnd ? Optional.of(Integer.toString(to)) : Optional.empty());
        }

        int lineOf(ContactKey key) {
            Integer line = lastPage.get().get(key);
            if (line == null) {
                throw new IllegalStateException("a queued contact was not on the planner's last page");
            }
            return line;
        }

        StoredContact read(int line) {
            return file.read(line);
        }

        List<StoredContact> read(int from, int to) {
            return file.read(from, to);
        }

        @Override
        public Map<ContactKey, StoredContact> find(Collection<ContactKey> keys) {
            // The planner encloses every contact it scanned: a sender reading here is a miss to report.
            aws.batch(tables.contacts, "BatchGetItem", false, Aws.chunks(keys.size(), 100), 1.0, 1);
            bookMisses.addAndGet(keys.size());
            return Map.of();
        }
    }

    /** The deliveries table: batch records under job claims, claims per text, unreachable records. */
    static final class Deliveries implements DeliveryRecorder, DeliveryClaims {
        /** A delivery item and its reference-hash index entry: two write units. */
        static final double WRITE_UNITS = 2.0;

        private final Aws aws;
        private final Aws.Table table;
        private final LongSet recorded = new LongSet();
        final AtomicLong records = new AtomicLong();
        final AtomicLong unreachable = new AtomicLong();

        Deliveries(Aws aws, Tables tables) {
            this.aws = aws;
            this.table = tables.deliveries;
        }

        @Override
        public void record(List<DeliveryRecord> batch) {
            aws.batch(table, "BatchWriteItem", true, Aws.chunks(batch.size(), 25), WRITE_UNITS, 1);
            for (DeliveryRecord record : batch) {
                if (recorded.add(hash(record.id()))) {
                    records.incrementAndGet();
                }
            }
        }

        @Override
        public Map<DeliveryId, DeliveryStatus> recorded(List<DeliveryId> ids) {
            aws.batch(table, "BatchGetItem", false, Aws.chunks(ids.size(), 100), 1.0, 1);
            Map<DeliveryId, DeliveryStatus> found = new HashMap<>();
            for (DeliveryId id : ids) {
                if (recorded.contains(hash(id))) {
                    found.put(id, DeliveryStatus.SENT);
                }
            }
            return found;
        }

        @Override
        public ClaimOutcome claim(DeliveryId id, String referenceHash, Instant now, Instant leaseUntil) {
            aws.item(table, "PutItem", true, WRITE_UNITS);
            if (recorded.contains(hash(id))) {
                // The condition failed: the adapter reads the item to say why (consistent, 1 unit).
                aws.item(table, "GetItem", false, 1.0);
                return new ClaimOutcome.AlreadySettled(DeliveryStatus.SENT);
            }
            return new ClaimOutcome.Claimed("claim");
        }

        @Override
        public void release(DeliveryId id, String claimToken) {
            aws.item(table, "DeleteItem", true, WRITE_UNITS);
        }

        @Override
        public boolean recordUnreachable(DeliveryId id, String reason, Instant at) {
            aws.item(table, "PutItem", true, WRITE_UNITS);
            if (recorded.add(hash(id))) {
                unreachable.incrementAndGet();
            }
            return true;
        }
    }

    /** The job entries on the campaigns table: one update per claim, completion and release. */
    static final class JobEntries implements JobLedger {
        private final Aws aws;
        private final Aws.Table table;
        final InMemoryJobLedger inner = new InMemoryJobLedger();

        JobEntries(Aws aws, Tables tables) {
            this.aws = aws;
            this.table = tables.campaign;
        }

        @Override
        public JobClaim claim(JobKey job, int deliveries, Instant now, Instant leaseUntil) {
            aws.item(table, "UpdateItem", true, 1.0);
            return inner.claim(job, deliveries, now, leaseUntil);
        }

        /** The job entry and one counter shard in one transaction: 2 items, 2 WCU each. */
        @Override
        public boolean complete(JobKey job, String token, JobTally tally, Instant at) {
            aws.item(table, "TransactWriteItems", true, 4.0);
            return inner.complete(job, token, tally, at);
        }

        @Override
        public void release(JobKey job, String token) {
            aws.item(table, "UpdateItem", true, 1.0);
            inner.release(job, token);
        }

        @Override
        public void recordDone(JobKey job, JobTally tally, Instant at) {
            aws.item(table, "TransactWriteItems", true, 4.0);
            inner.recordDone(job, tally, at);
        }

        @Override
        public DeliveryCounts count(String campaignId) {
            return inner.count(campaignId);
        }
    }

    static final class PlanEntries implements PlanLedger {
        private final Aws aws;
        private final Aws.Table table;
        final InMemoryPlanLedger inner = new InMemoryPlanLedger();
        final AtomicLong lastCompleteAt = new AtomicLong(-1);

        PlanEntries(Aws aws, Tables tables) {
            this.aws = aws;
            this.table = tables.campaign;
        }

        @Override
        public boolean isCompleted(PlanTask task) {
            aws.item(table, "GetItem", false, 1.0);
            return inner.isCompleted(task);
        }

        /** The page entry and the plan summary in one transaction: 2 items, 2 WCU each. */
        @Override
        public void complete(PlanTask task, Map<Channel, Long> plannedDeliveries, boolean lastOfSegment) {
            aws.item(table, "TransactWriteItems", true, 4.0);
            inner.complete(task, plannedDeliveries, lastOfSegment);
            lastCompleteAt.accumulateAndGet(aws.time().now(), Math::max);
        }

        @Override
        public PlanProgress progress(String campaignId) {
            return inner.progress(campaignId);
        }
    }

    static final class IntakeEntries implements IntakeLedger {
        private final Aws aws;
        private final Aws.Table table;
        final InMemoryIntakeLedger inner = new InMemoryIntakeLedger();
        final AtomicLong finishedAt = new AtomicLong(-1);

        IntakeEntries(Aws aws, Tables tables) {
            this.aws = aws;
            this.table = tables.intake;
        }

        @Override
        public void opened(ManifestUpload upload, int ranges, Instant at) {
            aws.item(table, "PutItem", true, 1.0);
            inner.opened(upload, ranges, at);
        }

        @Override
        public Optional<List<RangeOutcome>> rangeFinished(
                String manifestId, int range, int ranges, RangeOutcome outcome, Instant at) {
            aws.item(table, "UpdateItem", true, 1.0);
            Optional<List<RangeOutcome>> all = inner.rangeFinished(manifestId, range, ranges, outcome, at);
            if (all.isPresent()) {
                aws.batch(table, "BatchGetItem", false, Aws.chunks(ranges, 100), 1.0, 1);
            }
            return all;
        }

        @Override
        public void finished(String manifestId, ManifestSummary summary, String rejectsKey, Instant at) {
            aws.item(table, "UpdateItem", true, 1.0);
            inner.finished(manifestId, summary, rejectsKey, at);
            finishedAt.compareAndSet(-1, aws.time().now());
        }

        @Override
        public void refused(String manifestId, String reason, Instant at) {
            aws.item(table, "UpdateItem", true, 1.0);
            inner.refused(manifestId, reason, at);
        }

        @Override
        public Optional<IntakeStatus> find(String manifestId) {
            aws.item(table, "GetItem", false, 1.0);
            return inner.find(manifestId);
        }
    }

    static final class Campaigns implements CampaignStore {
        private final Aws aws;
        private final Aws.Table table;
        private final Map<String, Campaign> campaigns = new ConcurrentHashMap<>();

        Campaigns(Aws aws, Tables tables) {
            this.aws = aws;
            this.table = tables.campaign;
        }

        @Override
        public boolean create(Campaign campaign) {
            aws.item(table, "PutItem", true, 2.0);
            return campaigns.putIfAbsent(campaign.id(), campaign) == null;
        }

        @Override
        public Optional<Campaign> find(String campaignId) {
            aws.item(table, "GetItem", false, 1.0);
            return Optional.ofNullable(campaigns.get(campaignId));
        }
    }

    /**
     * DynamoDbSendGovernor's schedule: one conditional update of the campaign's schedule item per
     * reservation; an idle schedule restarts 100 ms after now.
     */
    static final class Governor implements SendGovernor {
        private final Aws aws;
        private final Aws.Table table;
        private final Map<String, Instant> next = new HashMap<>();
        final AtomicLong reservations = new AtomicLong();
        /** Restarts of a schedule that had run out (not its first start), and the time it stood idle. */
        final AtomicLong idleRestarts = new AtomicLong();

        final AtomicLong idleNanos = new AtomicLong();

        /**
         * Of the restarts, those asked from a thread more than a quantum ahead of the shared clock: a
         * check. Sender invocations once ran on time lines of their own and restarted the schedule
         * where senders not yet run would have reserved (a model artefact: 130 restarts, 25 s idle
         * at 1 million); on the shared clock ({@link LockstepThreads}) this stays 0.
         */
        final AtomicLong aheadRestarts = new AtomicLong();

        final AtomicLong aheadIdleNanos = new AtomicLong();

        /** Idle time by the minute of the schedule it ended in (virtual seconds / 60). */
        final Map<Long, Double> idleByMinute = new java.util.TreeMap<>();

        Governor(Aws aws, Tables tables) {
            this.aws = aws;
            this.table = tables.campaign;
        }

        /** The lock of the schedules (and of {@link #idleByMinute}). */
        Object next() {
            return next;
        }

        /** Refusals of {@link #reserveBy}: reservations not made because the schedule ran too far ahead. */
        final AtomicLong refusals = new AtomicLong();

        /**
         * As DynamoDbSendGovernor: the bounded extend, and a consistent read of the end when it is
         * refused (a refusal costs the failed update and the read).
         */
        @Override
        public java.util.Optional<Instant> reserveBy(
                String campaignId, Channel channel, int units, double perSecond, Instant now, Instant latestStart) {
            aws.item(table, "UpdateItem", true, 1.0);
            java.util.Optional<Instant> start = take(campaignId, channel, units, perSecond, now, latestStart);
            if (start.isEmpty()) {
                aws.item(table, "GetItem", false, 1.0);
                refusals.incrementAndGet();
            }
            return start;
        }

        @Override
        public Instant reserve(String campaignId, Channel channel, int units, double perSecond, Instant now) {
            aws.item(table, "UpdateItem", true, 1.0);
            return take(campaignId, channel, units, perSecond, now, Instant.MAX).orElseThrow();
        }

        private java.util.Optional<Instant> take(
                String campaignId, Channel channel, int units, double perSecond, Instant now, Instant latestStart) {
            synchronized (next) {
                String key = campaignId + "#" + channel.code();
                Instant free = next.getOrDefault(key, Instant.EPOCH);
                Instant start = free.isBefore(now) ? now.plusMillis(100) : free;
                if (start.isAfter(latestStart)) {
                    return java.util.Optional.empty();
                }
                reservations.incrementAndGet();
                if (free.isBefore(now) && !free.equals(Instant.EPOCH)) {
                    idleRestarts.incrementAndGet();
                    long idle = java.time.Duration.between(free, start).toNanos();
                    idleNanos.addAndGet(idle);
                    idleByMinute.merge(start.getEpochSecond() / 60, idle / 1e9, Double::sum);
                    if (aws.time().nanos(now) - aws.time().sharedNow() > 200_000_000L) {
                        aheadRestarts.incrementAndGet();
                        aheadIdleNanos.addAndGet(idle);
                    }
                }
                next.put(key, start.plusNanos(Math.round(units * 1e9 / perSecond)));
                return java.util.Optional.of(start);
            }
        }
    }

    /** The account's SES sending rate, in recipients per second; a bulk call past it is throttled whole. */
    static final class Ses implements EmailSender {
        private final Aws aws;
        final Aws.Bucket rate;
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong throttledCalls = new AtomicLong();
        final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

        Ses(Aws aws, double perSecond) {
            this.aws = aws;
            this.rate = new Aws.Bucket("SES send rate", perSecond);
        }

        @Override
        public List<SendResult> sendBulk(String templateName, List<BulkEmail> emails) {
            VirtualTime time = aws.time();
            long at = time.now();
            time.spend(aws.ses.sampleNanos());
            aws.meter.count("SesV2:SendBulkEmail", 1);
            List<SendResult> results = new ArrayList<>(emails.size());
            if (rate.take(at, emails.size(), false) > 0) {
                aws.meter.units("SES:recipients", emails.size());
                accepted.addAndGet(emails.size());
                first.accumulateAndGet(at, Math::min);
                last.accumulateAndGet(at, Math::max);
                for (int i = 0; i < emails.size(); i++) {
                    results.add(new SendResult.Accepted("m"));
                }
            } else {
                throttledCalls.incrementAndGet();
                for (int i = 0; i < emails.size(); i++) {
                    results.add(new SendResult.Throttled("Maximum sending rate exceeded"));
                }
            }
            return results;
        }

        @Override
        public SendResult send(String to, String subject, String text) {
            throw new UnsupportedOperationException("no one-time codes in the model");
        }
    }

    /** SMS at {@code numbers x partsPerSecond} message parts per second; a text past it is throttled. */
    static final class Sms implements SmsSender {
        private final Aws aws;
        final Aws.Bucket rate;
        final AtomicLong texts = new AtomicLong();
        final AtomicLong parts = new AtomicLong();
        final AtomicLong throttled = new AtomicLong();
        final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

        Sms(Aws aws, double partsPerSecond) {
            this.aws = aws;
            this.rate = new Aws.Bucket("SMS parts", partsPerSecond);
        }

        @Override
        public SendResult send(String phoneE164, String text) {
            VirtualTime time = aws.time();
            long at = time.now();
            int count = SmsSegments.count(text);
            time.spend(aws.sms.sampleNanos());
            aws.meter.count("Sns:Publish", 1);
            if (rate.take(at, count, false) > 0) {
                texts.incrementAndGet();
                parts.addAndGet(count);
                aws.meter.units("SMS:parts", count);
                first.accumulateAndGet(at, Math::min);
                last.accumulateAndGet(at, Math::max);
                return new SendResult.Accepted("s");
            }
            throttled.incrementAndGet();
            return new SendResult.Throttled("Rate exceeded");
        }
    }

    static final class Kms implements DataKeyProvider {
        private final Aws aws;
        private final FakeDataKeyProvider keys = new FakeDataKeyProvider();

        Kms(Aws aws) {
            this.aws = aws;
        }

        @Override
        public DataKey generate() {
            aws.call("Kms:GenerateDataKey", aws.kms);
            return keys.generate();
        }

        @Override
        public byte[] unwrap(byte[] wrapped) {
            aws.call("Kms:Decrypt", aws.kms);
            return keys.unwrap(wrapped);
        }
    }

    /** The manifest object: the generated file on disk, read by range as S3 GetObject would. */
    static final class Manifest implements ManifestSource {
        private final Aws aws;
        private final Path path;

        Manifest(Aws aws, Path path) {
            this.aws = aws;
            this.path = path;
        }

        @Override
        public InputStream open(String bucket, String key, long start, long end) {
            aws.call("S3:GetObject", aws.s3);
            try {
                FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
                channel.position(start);
                InputStream raw = Channels.newInputStream(channel);
                return new java.io.FilterInputStream(raw) {
                    private long left = end - start;

                    @Override
                    public int read() throws IOException {
                        if (left <= 0) {
                            return -1;
                        }
                        int b = super.read();
                        if (b >= 0) {
                            left--;
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        if (left <= 0) {
                            return -1;
                        }
                        int n = super.read(buffer, offset, (int) Math.min(length, left));
                        if (n > 0) {
                            left -= n;
                        }
                        return n;
                    }
                };
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final class Rejects implements RejectsReport {
        private final Aws aws;
        final AtomicLong rejected = new AtomicLong();

        Rejects(Aws aws) {
            this.aws = aws;
        }

        @Override
        public void writePart(
                String bucket, String manifestKey, String manifestId, int range, List<Rejection> rejections) {
            rejected.addAndGet(rejections.size());
            aws.call("S3:PutObject", aws.s3);
        }

        @Override
        public String assemble(String bucket, String manifestKey, String manifestId, int ranges) {
            for (int i = 0; i < ranges; i++) {
                aws.call("S3:GetObject", aws.s3);
            }
            aws.call("S3:PutObject", aws.s3);
            return manifestKey + ".rejects.csv";
        }
    }

    static final class Templates implements EmailTemplates {
        private final Aws aws;

        Templates(Aws aws) {
            this.aws = aws;
        }

        @Override
        public void register(Campaign campaign) {
            for (int i = 0; i < campaign.texts().size(); i++) {
                aws.call("SesV2:CreateEmailTemplate", aws.s3);
            }
        }
    }
}
