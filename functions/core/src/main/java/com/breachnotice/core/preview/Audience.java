package com.breachnotice.core.preview;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.manifest.NoticeLocale;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** How many contacts of each class the registry holds. */
public record Audience(Map<ContactClass, Long> counts) {

    public Audience {
        Map<ContactClass, Long> copy = new HashMap<>();
        counts.forEach((contactClass, count) -> {
            if (count < 0) {
                throw new IllegalArgumentException("a count is never negative");
            }
            copy.merge(contactClass, count, Long::sum);
        });
        counts = Map.copyOf(copy);
    }

    public long contacts() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Which recipients one campaign's deliveries go to: what decides the text, the price and the rate. */
    public record Route(Channel channel, NoticeLocale locale, boolean customer, String country) {}

    /** The audience as the planner would route it under a policy. */
    public record Routed(Map<Route, Long> recipients, long unreachable) {
        public Routed {
            recipients = Map.copyOf(recipients);
        }

        public long on(Channel channel) {
            return recipients.entrySet().stream()
                    .filter(e -> e.getKey().channel() == channel)
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }

        public long on(Channel channel, NoticeLocale locale) {
            return recipients.entrySet().stream()
                    .filter(e -> e.getKey().channel() == channel && e.getKey().locale() == locale)
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }

        /** SMS recipients by destination country, in code order. */
        public Map<String, Long> smsByCountry() {
            Map<String, Long> byCountry = new TreeMap<>();
            recipients.forEach((route, count) -> {
                if (route.channel() == Channel.SMS) {
                    byCountry.merge(route.country(), count, Long::sum);
                }
            });
            return byCountry;
        }

        public long deliveries() {
            return recipients.values().stream().mapToLong(Long::longValue).sum() + unreachable;
        }
    }

    /**
     * Routes every class with {@link ChannelPolicy#channelFor} and {@link ChannelPolicy#unreachable},
     * the two decisions the planner makes per contact, so the preview counts what the planner plans.
     */
    public Routed route(ChannelPolicy policy) {
        Map<Route, Long> recipients = new HashMap<>();
        long unreachable = 0;
        for (Map.Entry<ContactClass, Long> entry : counts.entrySet()) {
            ContactClass c = entry.getKey();
            if (policy.unreachable(c.kind(), c.smsCapable(), c.ownerWithoutEmail())) {
                unreachable += entry.getValue();
                continue;
            }
            var channel = policy.channelFor(c.kind(), c.smsCapable(), c.ownerWithoutEmail());
            if (channel.isPresent()) {
                recipients.merge(
                        new Route(channel.get(), c.locale(), c.customer(), c.country()), entry.getValue(), Long::sum);
            }
        }
        return new Routed(recipients, unreachable);
    }
}
