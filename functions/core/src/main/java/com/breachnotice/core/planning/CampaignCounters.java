package com.breachnotice.core.planning;

/**
 * The read side of a campaign's counters: written where work completes (the planner per planned
 * page, the sender per completed job, the events function per status change), each write atomic
 * with the change it counts, and read here with a constant number of requests whatever the
 * campaign's size.
 */
public interface CampaignCounters {

    CampaignTally tally(String campaignId);
}
