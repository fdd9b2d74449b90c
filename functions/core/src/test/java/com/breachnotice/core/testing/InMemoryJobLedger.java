package com.breachnotice.core.testing;

import com.breachnotice.core.delivery.DeliveryCounts;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.JobClaim;
import com.breachnotice.core.delivery.JobKey;
import com.breachnotice.core.delivery.JobLedger;
import com.breachnotice.core.delivery.JobTally;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link JobLedger} in memory with the semantics of the job entries: a claim succeeds when the job
 * is absent or open with a lease strictly before {@code now} (a takeover when it existed); complete
 * and release need the current token. Every method is atomic (one lock).
 */
public final class InMemoryJobLedger implements JobLedger {

    private final Map<JobKey, Entry> entries = new LinkedHashMap<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private final InMemoryCampaignCounters counters;

    public InMemoryJobLedger() {
        this(new InMemoryCampaignCounters());
    }

    /** A ledger that adds each job's tally to {@code counters} when the job completes, once. */
    public InMemoryJobLedger(InMemoryCampaignCounters counters) {
        this.counters = counters;
    }

    @Override
    public synchronized JobClaim claim(JobKey job, int deliveries, Instant now, Instant leaseUntil) {
        Entry existing = entries.get(job);
        if (existing != null && existing.done) {
            return new JobClaim.Done();
        }
        if (existing != null && !existing.leaseUntil.isBefore(now)) {
            return new JobClaim.HeldElsewhere(existing.leaseUntil);
        }
        Entry entry = new Entry(deliveries, "job-claim-" + tokens.incrementAndGet(), leaseUntil);
        entries.put(job, entry);
        return new JobClaim.Claimed(entry.token, existing != null);
    }

    @Override
    public synchronized boolean complete(JobKey job, String token, JobTally tally, Instant at) {
        Entry entry = entries.get(job);
        if (entry == null || !token.equals(entry.token)) {
            return false;
        }
        if (entry.done) {
            return true; // our own completion, asked again (a retry after a lost answer)
        }
        entry.done = true;
        entry.sent = tally.sent();
        entry.failed = tally.failed();
        counters.completed(job.campaignId(), job.channel(), tally);
        return true;
    }

    @Override
    public synchronized void release(JobKey job, String token) {
        Entry entry = entries.get(job);
        if (entry != null && !entry.done && token.equals(entry.token)) {
            entry.leaseUntil = Instant.EPOCH;
        }
    }

    @Override
    public synchronized void recordDone(JobKey job, JobTally tally, Instant at) {
        if (entries.containsKey(job)) {
            return;
        }
        Entry entry = new Entry(tally.total(), "recorded", Instant.EPOCH);
        entries.put(job, entry);
        entry.done = true;
        entry.sent = tally.sent();
        entry.failed = tally.failed();
        counters.completed(job.campaignId(), job.channel(), tally);
    }

    @Override
    public synchronized DeliveryCounts count(String campaignId) {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        entries.forEach((job, entry) -> {
            if (job.campaignId().equals(campaignId)) {
                if (entry.done) {
                    counts.merge(DeliveryStatus.SENT, (long) entry.sent, Long::sum);
                    counts.merge(DeliveryStatus.FAILED, (long) entry.failed, Long::sum);
                } else {
                    counts.merge(DeliveryStatus.SENDING, (long) entry.size, Long::sum);
                }
            }
        });
        counts.values().removeIf(n -> n == 0);
        return DeliveryCounts.of(counts);
    }

    /** Forces a job's lease, as a sender that crashed would leave it. */
    public synchronized void crashHolding(JobKey job, int deliveries, Instant leaseUntil) {
        entries.put(job, new Entry(deliveries, "crashed", leaseUntil));
    }

    public synchronized boolean isDone(JobKey job) {
        Entry entry = entries.get(job);
        return entry != null && entry.done;
    }

    private static final class Entry {
        final int size;
        final String token;
        Instant leaseUntil;
        boolean done;
        int sent;
        int failed;

        Entry(int size, String token, Instant leaseUntil) {
            this.size = size;
            this.token = token;
            this.leaseUntil = leaseUntil;
        }
    }
}
