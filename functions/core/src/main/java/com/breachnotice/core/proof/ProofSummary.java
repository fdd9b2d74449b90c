package com.breachnotice.core.proof;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.delivery.Delivery;
import com.breachnotice.core.delivery.DeliveryStatus;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts a regulator's report needs, added up row by row as the export streams (so it costs no
 * memory per delivery):
 *
 * <ul>
 *   <li>notified per channel: the provider took the message ({@code sent}, {@code delivered},
 *       {@code complained}); {@code delivered} also counted apart, where the provider confirmed it;
 *   <li>failed by reason: {@code failed}, {@code bounced}, {@code suppressed} by status and reason;
 *   <li>not reachable individually: deliveries that ended without a notice. A contact key is one
 *       address or one phone, so this counts contacts; a person whose email bounced may still have
 *       been told by SMS through another contact key (that delivery is counted as notified);
 *   <li>pending: still being sent (a claim without a record).
 * </ul>
 */
public final class ProofSummary {

    private long deliveries;
    private final Map<Channel, Long> notified = new EnumMap<>(Channel.class);
    private final Map<Channel, Long> delivered = new EnumMap<>(Channel.class);
    private final Map<String, Long> failedByReason = new TreeMap<>();
    private long notReachable;
    private long pending;

    public void add(Delivery delivery) {
        deliveries++;
        Channel channel = delivery.id().channel();
        DeliveryStatus status = delivery.status();
        switch (status) {
            case SENT, DELIVERED, COMPLAINED -> {
                notified.merge(channel, 1L, Long::sum);
                if (status != DeliveryStatus.SENT) {
                    delivered.merge(channel, 1L, Long::sum);
                }
            }
            case SENDING -> pending++;
            default -> {
                notReachable++;
                String reason = status.code() + ":" + delivery.reason().orElse("unknown");
                failedByReason.merge(reason, 1L, Long::sum);
            }
        }
    }

    public long deliveries() {
        return deliveries;
    }

    public long notified(Channel channel) {
        return notified.getOrDefault(channel, 0L);
    }

    public long notReachable() {
        return notReachable;
    }

    public long pending() {
        return pending;
    }

    public Map<String, Long> failedByReason() {
        return Map.copyOf(failedByReason);
    }

    /** As JSON: every channel named, zero included, so reports line up. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("deliveries", deliveries);
        Map<String, Object> byChannel = new LinkedHashMap<>();
        Map<String, Object> confirmed = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            byChannel.put(channel.code(), notified(channel));
            confirmed.put(channel.code(), delivered.getOrDefault(channel, 0L));
        }
        json.put("notified", byChannel);
        json.put("delivered_confirmed", confirmed);
        json.put("failed_by_reason", new LinkedHashMap<>(failedByReason));
        json.put("not_reachable", notReachable);
        json.put("pending", pending);
        return json;
    }
}
