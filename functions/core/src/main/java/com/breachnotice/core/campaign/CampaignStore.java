package com.breachnotice.core.campaign;

import java.util.Optional;

/** Where campaigns live. */
public interface CampaignStore {

    /** Stores a new campaign; false when one with this id already exists (nothing is changed). */
    boolean create(Campaign campaign);

    Optional<Campaign> find(String campaignId);
}
