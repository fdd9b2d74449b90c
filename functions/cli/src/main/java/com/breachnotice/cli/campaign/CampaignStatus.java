package com.breachnotice.cli.campaign;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.delivery.DeliveryCounts;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.planning.CampaignProgress;
import com.breachnotice.core.planning.PlanProgress;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where one campaign stands, as {@code campaign status} and the demo's progress line show it. */
public record CampaignStatus(Campaign campaign, CampaignProgress progress) {

    public long planned() {
        return progress.plan().plannedDeliveries();
    }

    public long sent() {
        return sent(progress.deliveries());
    }

    public long failed() {
        return failed(progress.deliveries());
    }

    public long pending() {
        return progress.pending();
    }

    /** Accepted by the provider or delivered. */
    public static long sent(DeliveryCounts counts) {
        return counts.count(DeliveryStatus.SENT) + counts.count(DeliveryStatus.DELIVERED);
    }

    /** Terminal without reaching the person: failed, bounced, complained, suppressed. */
    public static long failed(DeliveryCounts counts) {
        return counts.count(DeliveryStatus.FAILED)
                + counts.count(DeliveryStatus.BOUNCED)
                + counts.count(DeliveryStatus.COMPLAINED)
                + counts.count(DeliveryStatus.SUPPRESSED);
    }

    /** One line: {@code planned 10 · sent 8 · failed 0 · pending 2 · planning 3/4}. */
    public static String summary(CampaignProgress progress) {
        DeliveryCounts counts = progress.deliveries();
        return String.format(
                "planned %d · sent %d · failed %d · pending %d%s",
                progress.plan().plannedDeliveries(),
                sent(counts),
                failed(counts),
                progress.pending(),
                planningSuffix(progress.plan()));
    }

    private static String planningSuffix(PlanProgress plan) {
        if (plan.complete()) {
            return "";
        }
        int total = plan.totalSegments();
        return total == 0 ? " · planning" : " · planning " + plan.segmentsDone() + "/" + total;
    }

    /** How far planning is, in words. */
    public String planning() {
        PlanProgress plan = progress.plan();
        if (plan.totalSegments() == 0) {
            return "not started (no plan task has reported yet)";
        }
        return plan.segmentsDone() + "/" + plan.totalSegments() + " segments done"
                + (plan.complete() ? ", complete" : ", in progress");
    }

    public void print(PrintWriter out) {
        out.printf(
                "campaign %s: %s%n  policy %s, email %d/s, SMS %d/s, created %s%n",
                campaign.id(),
                campaign.title(),
                campaign.policy().code(),
                campaign.rates().emailPerSecond(),
                campaign.rates().smsPerSecond(),
                campaign.createdAt());
        out.printf("  planning    %s%n", planning());
        out.printf(
                "  deliveries  %d planned: %d sent, %d failed, %d pending%n", planned(), sent(), failed(), pending());
        out.println(
                progress.finished() ? "  finished: every planned delivery reached a terminal state" : "  in progress");
    }

    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("campaign", campaign.id());
        json.put("title", campaign.title());
        json.put("policy", campaign.policy().code());
        Map<String, Object> planning = new LinkedHashMap<>();
        planning.put("segments_done", progress.plan().segmentsDone());
        planning.put("segments_total", progress.plan().totalSegments());
        planning.put("complete", progress.plan().complete());
        json.put("planning", planning);
        Map<String, Object> deliveries = new LinkedHashMap<>();
        deliveries.put("planned", planned());
        deliveries.put("sent", sent());
        deliveries.put("failed", failed());
        deliveries.put("pending", pending());
        json.put("deliveries", deliveries);
        json.put("finished", progress.finished());
        return json;
    }
}
