package com.breachnotice.core.delivery;

import java.time.Instant;

/**
 * The claims of notice jobs, and the campaign's progress counted per job. One conditional write
 * claims a whole job of up to 50 deliveries before anything is sent, instead of one per delivery:
 * the claim carries a lease, so a job whose sender crashed is claimed again once the lease runs
 * out, and a completed job is never claimed again. Completing a job stores how many of its
 * deliveries were sent and failed, so a campaign's progress is a read of its job entries, not a
 * scan of the delivery table.
 */
public interface JobLedger {

    /**
     * Claims a job of {@code deliveries} deliveries: succeeds when it was never claimed, or is
     * still open with a lease before {@code now}.
     */
    JobClaim claim(JobKey job, int deliveries, Instant now, Instant leaseUntil);

    /**
     * Marks a claimed job done and adds its tally to the campaign's counters, in one atomic write.
     * False (and nothing changes) when the claim was lost to another sender meanwhile.
     */
    boolean complete(JobKey job, String token, JobTally tally, Instant at);

    /** {@link #complete(JobKey, String, JobTally, Instant)} with sent and failed only. */
    default boolean complete(JobKey job, String token, int sent, int failed, Instant at) {
        return complete(job, token, JobTally.of(sent, failed), at);
    }

    /**
     * Gives a claimed job back unfinished (part of it was throttled), so that its retry can claim
     * it at once instead of waiting for the lease. The retry is a takeover.
     */
    void release(JobKey job, String token);

    /**
     * Records a job that needed no send (its deliveries were recorded as failed when planned), and
     * counts it, once.
     */
    void recordDone(JobKey job, JobTally tally, Instant at);

    default void recordDone(JobKey job, int sent, int failed, Instant at) {
        recordDone(job, JobTally.of(sent, failed), at);
    }

    /**
     * Deliveries of a campaign as the job entries count them: {@code SENT} (the provider took
     * them), {@code FAILED}, and {@code SENDING} for deliveries of claimed jobs not yet done.
     * Later provider events (delivered, bounced) are on the delivery records, not here. It reads
     * every job of the campaign: progress reads the counters instead ({@code CampaignCounters}).
     */
    DeliveryCounts count(String campaignId);
}
