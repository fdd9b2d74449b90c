package com.breachnotice.core.testing;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.planning.PlanLedger;
import com.breachnotice.core.planning.PlanProgress;
import com.breachnotice.core.planning.PlanTask;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@link PlanLedger} in memory: one entry per campaign, segment and page; the first completion wins. */
public final class InMemoryPlanLedger implements PlanLedger {

    private record Page(String campaignId, int segment, int page) {}

    private record Done(long planned, boolean lastOfSegment, int totalSegments) {}

    private final Map<Page, Done> pages = new LinkedHashMap<>();
    private final InMemoryCampaignCounters counters;

    public InMemoryPlanLedger() {
        this(new InMemoryCampaignCounters());
    }

    /** A ledger that adds each page's planned deliveries to {@code counters}, once. */
    public InMemoryPlanLedger(InMemoryCampaignCounters counters) {
        this.counters = counters;
    }

    @Override
    public synchronized boolean isCompleted(PlanTask task) {
        return pages.containsKey(page(task));
    }

    @Override
    public synchronized void complete(PlanTask task, Map<Channel, Long> plannedDeliveries, boolean lastOfSegment) {
        long planned =
                plannedDeliveries.values().stream().mapToLong(Long::longValue).sum();
        if (pages.putIfAbsent(page(task), new Done(planned, lastOfSegment, task.totalSegments())) == null) {
            counters.planned(task.campaignId(), plannedDeliveries, lastOfSegment, task.totalSegments());
        }
    }

    /** A page of email deliveries only. */
    public void complete(PlanTask task, long plannedEmails, boolean lastOfSegment) {
        complete(task, Map.of(Channel.EMAIL, plannedEmails), lastOfSegment);
    }

    @Override
    public synchronized PlanProgress progress(String campaignId) {
        long planned = 0;
        int total = 0;
        Set<Integer> segmentsDone = new HashSet<>();
        for (Map.Entry<Page, Done> entry : pages.entrySet()) {
            if (!entry.getKey().campaignId().equals(campaignId)) {
                continue;
            }
            planned += entry.getValue().planned();
            total = Math.max(total, entry.getValue().totalSegments());
            if (entry.getValue().lastOfSegment()) {
                segmentsDone.add(entry.getKey().segment());
            }
        }
        return new PlanProgress(planned, segmentsDone.size(), total);
    }

    public synchronized int completedPages() {
        return pages.size();
    }

    private static Page page(PlanTask task) {
        return new Page(task.campaignId(), task.segment(), task.page());
    }
}
