package com.breachnotice.core.testing;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.CampaignLifecycle;
import com.breachnotice.core.campaign.CampaignLifecycles;
import com.breachnotice.core.campaign.CampaignStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link CampaignStore} in memory; counts reads so tests can see caching. */
public final class InMemoryCampaignStore implements CampaignStore, CampaignLifecycles {

    private final Map<String, Campaign> campaigns = new ConcurrentHashMap<>();
    private final AtomicInteger finds = new AtomicInteger();
    private final Map<String, CampaignLifecycle> lifecycles = new ConcurrentHashMap<>();
    private final AtomicInteger lifecycleReads = new AtomicInteger();

    @Override
    public boolean create(Campaign campaign) {
        return campaigns.putIfAbsent(campaign.id(), campaign) == null;
    }

    @Override
    public Optional<Campaign> find(String campaignId) {
        finds.incrementAndGet();
        return Optional.ofNullable(campaigns.get(campaignId));
    }

    public int finds() {
        return finds.get();
    }

    public int size() {
        return campaigns.size();
    }

    @Override
    public Optional<CampaignLifecycle> lifecycle(String campaignId) {
        lifecycleReads.incrementAndGet();
        if (!campaigns.containsKey(campaignId)) {
            return Optional.empty();
        }
        return Optional.of(lifecycles.getOrDefault(campaignId, CampaignLifecycle.NEW));
    }

    @Override
    public synchronized boolean replace(String campaignId, CampaignLifecycle expected, CampaignLifecycle next) {
        if (!campaigns.containsKey(campaignId)) {
            return false;
        }
        if (lifecycles.getOrDefault(campaignId, CampaignLifecycle.NEW).version() != expected.version()) {
            return false;
        }
        lifecycles.put(campaignId, next);
        return true;
    }

    public int lifecycleReads() {
        return lifecycleReads.get();
    }
}
