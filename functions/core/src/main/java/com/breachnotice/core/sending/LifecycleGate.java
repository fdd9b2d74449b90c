package com.breachnotice.core.sending;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.CampaignLifecycle;
import com.breachnotice.core.campaign.CampaignLifecycles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admits a campaign's jobs by its lifecycle: active (or done: a late job, such as an SMS fallback
 * after a bounce, still goes) asks the wrapped gate, paused holds, cancelled closes with the
 * operator's reason. Each sender instance reads a campaign's state at most once per {@link
 * #DEFAULT_TTL}: a pause reaches every sender within that time plus one job's send, and the reads
 * stay one small read per instance every few seconds, whatever the send rate.
 */
public final class LifecycleGate implements CampaignGate {

    /**
     * How long a read state is trusted. Three seconds: the pause promise is that no provider call
     * starts more than 10 s after the pause returns, and a job admitted just before the pause may
     * still wait for its turn of the schedule (a few seconds at most) before its call; 3 s of
     * staleness plus that stays inside 10 s. At 1,000 sender instances it is about 330 reads a
     * second of one small item, well within one partition.
     */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(3);

    private final CampaignLifecycles lifecycles;
    private final CampaignGate next;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Read> reads = new ConcurrentHashMap<>();

    private record Read(CampaignLifecycle lifecycle, Instant at) {}

    public LifecycleGate(CampaignLifecycles lifecycles, CampaignGate next, Clock clock, Duration ttl) {
        this.lifecycles = lifecycles;
        this.next = next;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public Decision admit(Campaign campaign, Instant now) {
        CampaignLifecycle lifecycle = lifecycle(campaign.id());
        return switch (lifecycle.state()) {
            case ACTIVE, DONE -> next.admit(campaign, now);
            case PAUSED -> new Decision.Held();
            case CANCELLED -> new Decision.Closed(lifecycle.reason());
        };
    }

    private CampaignLifecycle lifecycle(String campaignId) {
        Instant now = clock.instant();
        Read read = reads.get(campaignId);
        if (read == null || !now.isBefore(read.at().plus(ttl))) {
            // A campaign that is not found yet is treated as active; the sender finds it absent anyway.
            read = new Read(lifecycles.lifecycle(campaignId).orElse(CampaignLifecycle.NEW), now);
            reads.put(campaignId, read);
        }
        return read.lifecycle();
    }
}
