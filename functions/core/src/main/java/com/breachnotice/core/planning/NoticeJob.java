package com.breachnotice.core.planning;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.manifest.NoticeLocale;
import java.util.List;

/**
 * Up to {@value #MAX_CONTACTS} contacts to notify on one channel in one language: one SES bulk call
 * for email.
 */
public record NoticeJob(String campaignId, Channel channel, NoticeLocale locale, List<ContactKey> contacts) {

    public static final int MAX_CONTACTS = 50;

    public NoticeJob {
        contacts = List.copyOf(contacts);
        if (contacts.isEmpty() || contacts.size() > MAX_CONTACTS) {
            throw new IllegalArgumentException("a notice job holds 1 to " + MAX_CONTACTS + " contacts");
        }
    }
}
