package com.breachnotice.core.lookup;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.manifest.NoticeLocale;

/**
 * Asks the sender to deliver a one-time code to a registered contact. It carries the contact's key,
 * never the contact itself: the sender reads the sealed value from the registry, and a contact that
 * is not registered gets nothing.
 */
public record CodeRequest(String challengeId, ContactKey contact, String code, NoticeLocale locale) {

    @Override
    public String toString() {
        return "CodeRequest[" + challengeId + ", " + contact + "]";
    }
}
