package com.breachnotice.core.sending;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.ReferenceCodes;
import com.breachnotice.core.planning.NoticeJob;
import com.breachnotice.core.registry.ContactBook;
import com.breachnotice.core.registry.StoredContact;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The people of a job: their stored (sealed) contacts and each delivery's reference code. The code
 * derives from the delivery, so a job sent again after a crash prints the same codes.
 */
public final class Recipients {

    /** One delivery's reference code, printed and as the lookup finds it (keyed hash). */
    public record Reference(String printed, String hash) {}

    private final ContactBook contacts;
    private final ContactKeyer keyer;

    public Recipients(ContactBook contacts, ContactKeyer keyer) {
        this.contacts = contacts;
        this.keyer = keyer;
    }

    public Reference reference(DeliveryId id) {
        String printed = ReferenceCodes.fromSeed(keyer.referenceSeed(id.contact(), id.notice()));
        return new Reference(
                printed, keyer.referenceHash(ReferenceCodes.canonical(printed).orElseThrow()));
    }

    /**
     * The stored contacts of {@code open}: those the planner enclosed in the job, the rest read.
     * A contact missing from the registry is absent.
     */
    public Map<ContactKey, StoredContact> contacts(NoticeJob job, List<DeliveryId> open) {
        Map<ContactKey, StoredContact> stored = new HashMap<>(job.enclosed());
        List<ContactKey> missing = open.stream()
                .map(DeliveryId::contact)
                .filter(key -> !stored.containsKey(key))
                .toList();
        if (!missing.isEmpty()) {
            stored.putAll(contacts.find(missing));
        }
        return stored;
    }
}
