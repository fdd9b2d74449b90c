package com.breachnotice.cli.campaign;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.delivery.ChannelCounts;
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

    /** Terminal without reaching the person: failed, bounced, complained, suppressed (cancelled is apart). */
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
        out.printf("  state       %s%s%n", progress.state().code(), stateNote());
        out.printf("  planning    %s%n", planning());
        out.printf(
                "  deliveries  %d planned: %d sent, %d failed, %d pending%n", planned(), sent(), failed(), pending());
        for (Channel channel : Channel.values()) {
            ChannelCounts counts = progress.channel(channel);
            if (counts.planned() > 0 || counts.terminal() > 0) {
                out.printf("  %-11s %s%n", channel.code(), channelLine(counts));
            }
        }
        out.println(
                progress.finished() ? "  finished: every planned delivery reached a terminal state" : "  in progress");
    }

    /** {@code planned 10: sent 6, delivered 2, failed 1 (bad_address 1), pending 1}. */
    public static String channelLine(ChannelCounts counts) {
        StringBuilder line = new StringBuilder("planned " + counts.planned() + ":");
        for (DeliveryStatus status : DeliveryStatus.values()) {
            if (status.terminal() && counts.count(status) != 0) {
                line.append(' ').append(status.code()).append(' ').append(counts.count(status));
                if (status == DeliveryStatus.FAILED && !counts.failedByReason().isEmpty()) {
                    line.append(" ").append(counts.failedByReason());
                }
                line.append(',');
            }
        }
        return line.append(" pending ").append(counts.pending()).toString();
    }

    /** The last move's who, when and why, when there was one. */
    private String stateNote() {
        var history = progress.lifecycle().history();
        if (history.isEmpty()) {
            return "";
        }
        var last = history.get(history.size() - 1);
        return " since " + last.at() + " by " + last.by() + (last.reason().isEmpty() ? "" : " (" + last.reason() + ")");
    }

    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("campaign", campaign.id());
        json.put("state", progress.state().code());
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
        Map<String, Object> channels = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            ChannelCounts counts = progress.channel(channel);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("planned", counts.planned());
            counts.byStatus().forEach((status, n) -> c.put(status.code(), n));
            c.put("failed_by_reason", counts.failedByReason());
            c.put("pending", counts.pending());
            channels.put(channel.code(), c);
        }
        json.put("channels", channels);
        json.put("finished", progress.finished());
        return json;
    }
}
