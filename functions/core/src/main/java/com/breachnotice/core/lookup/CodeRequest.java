package com.breachnotice.core.lookup;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.manifest.NoticeLocale;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the sender to deliver a one-time code to a registered contact. It carries the contact's key,
 * never the contact itself: the sender reads the sealed value from the registry, and a contact that
 * is not registered gets nothing. On the queue the code itself travels sealed ({@link CodeSeal}).
 *
 * @param earlierKeys the contact's keys under the key ring's earlier versions, newest first: during
 *     a rotation the registry may still hold the contact under one of them
 */
public record CodeRequest(
        String challengeId, ContactKey contact, String code, NoticeLocale locale, List<ContactKey> earlierKeys) {

    public CodeRequest {
        earlierKeys = List.copyOf(earlierKeys);
    }

    /** A request made with a key ring of one version. */
    public CodeRequest(String challengeId, ContactKey contact, String code, NoticeLocale locale) {
        this(challengeId, contact, code, locale, List.of());
    }

    /** The contact's keys, the current one first: the order in which the registry is asked. */
    public List<ContactKey> contactKeys() {
        return currentFirst(contact, earlierKeys);
    }

    static List<ContactKey> currentFirst(ContactKey current, List<ContactKey> earlier) {
        List<ContactKey> all = new ArrayList<>(earlier.size() + 1);
        all.add(current);
        all.addAll(earlier);
        return List.copyOf(all);
    }

    @Override
    public String toString() {
        // Never the code, nor the challenge id: either beside the contact key would help a reader of logs.
        return "CodeRequest[" + contact + "]";
    }
}
