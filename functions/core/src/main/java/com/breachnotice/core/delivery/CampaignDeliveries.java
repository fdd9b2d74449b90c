package com.breachnotice.core.delivery;

import java.util.List;
import java.util.function.Consumer;

/**
 * Every delivery of one campaign, read page by page for the proof-of-notice export: each page is
 * handed over before the next is read, so a reader that writes as it goes holds one page at a time
 * whatever the campaign's size. The order is the store's, not a meaningful one.
 */
public interface CampaignDeliveries {

    /** Calls {@code page} once per non-empty page of the campaign's deliveries. */
    void forEachPage(String campaignId, Consumer<List<Delivery>> page);
}
