package com.breachnotice.core.testing;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.CampaignStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link CampaignStore} in memory; counts reads so tests can see caching. */
public final class InMemoryCampaignStore implements CampaignStore {

    private final Map<String, Campaign> campaigns = new ConcurrentHashMap<>();
    private final AtomicInteger finds = new AtomicInteger();

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
}
