package com.breachnotice.core.delivery;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.ContactKey;

/** One campaign, one contact, one channel: the unit that is notified exactly once. */
public record DeliveryId(ContactKey contact, String campaignId, Channel channel) {

    /** The sort key under the contact: {@code <campaignId>#<channel>}. */
    public String notice() {
        return campaignId + "#" + channel.code();
    }
}
