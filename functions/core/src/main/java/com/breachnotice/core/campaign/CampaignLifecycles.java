package com.breachnotice.core.campaign;

import java.util.Optional;

/**
 * Where a campaign's lifecycle is kept: on the campaign itself, so the state and its history cannot
 * drift from the campaign they describe.
 */
public interface CampaignLifecycles {

    /** The lifecycle of a stored campaign ({@link CampaignLifecycle#NEW} if never moved); empty when absent. */
    Optional<CampaignLifecycle> lifecycle(String campaignId);

    /**
     * Stores {@code next} if the campaign is still at {@code expected}'s version: false (nothing
     * changed) when another move came first, so two operators never both win.
     */
    boolean replace(String campaignId, CampaignLifecycle expected, CampaignLifecycle next);
}
