package com.breachnotice.core.delivery;

import com.breachnotice.core.contact.ContactKey;
import java.util.List;
import java.util.Optional;

/** What the lookup may read of the proof of notice: never a write. */
public interface DeliveryHistory {

    /** Every notice sent (or being sent) to one contact, oldest first by when it went out. */
    List<Delivery> forContact(ContactKey contact);

    /** The delivery whose notice printed the reference code with this keyed hash. */
    Optional<Delivery> findByReferenceHash(String referenceHash);
}
