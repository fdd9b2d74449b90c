package com.breachnotice.core.events;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.ContactKey;
import java.time.Instant;
import java.util.Optional;

/** A provider's report on one message, translated into our terms. */
public record DeliveryEvent(
        String campaignId, ContactKey contact, Channel channel, Kind kind, Instant at, Optional<String> detail) {

    public enum Kind {
        DELIVERED,
        HARD_BOUNCE,
        SOFT_BOUNCE,
        SUPPRESSED,
        COMPLAINT,
        REJECTED,
        RENDERING_FAILED,
        DELAYED
    }
}
