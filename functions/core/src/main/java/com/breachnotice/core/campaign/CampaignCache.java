package com.breachnotice.core.campaign;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A campaign's notice (texts, policy, rates) never changes once stored, so a function instance reads
 * each one once: the planner and the sender look the campaign up for every task and job they
 * handle. Its lifecycle does change (pause, resume, cancel): that is read apart, through a short
 * cache ({@code LifecycleGate}), never through this one.
 */
public final class CampaignCache {

    private final CampaignStore store;
    private final Map<String, Campaign> found = new ConcurrentHashMap<>();

    public CampaignCache(CampaignStore store) {
        this.store = store;
    }

    /** The stored campaign; an absent one is asked for again next time (it may be created later). */
    public Optional<Campaign> find(String campaignId) {
        Campaign cached = found.get(campaignId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Campaign> stored = store.find(campaignId);
        stored.ifPresent(campaign -> found.put(campaignId, campaign));
        return stored;
    }
}
