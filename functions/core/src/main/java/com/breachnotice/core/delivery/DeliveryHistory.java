package com.breachnotice.core.delivery;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.manifest.ItemKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the lookup and the planner may read of the proof of notice: never a write. */
public interface DeliveryHistory {

    /** Every notice sent (or being sent) to one contact, oldest first by when it went out. */
    List<Delivery> forContact(ContactKey contact);

    /** The delivery whose notice printed the reference code with this keyed hash. */
    Optional<Delivery> findByReferenceHash(String referenceHash);

    /** Most contacts one {@link #itemsTold} call takes: one batch read of both channels. */
    int ITEMS_TOLD_BATCH = 50;

    /**
     * The items campaign {@code campaignId}'s notice named to each of {@code contacts}, on whichever
     * channel recorded what it told; a contact without such a record is absent. A revised notice
     * lists, per person, what this earlier one did not name.
     *
     * @param contacts at most {@link #ITEMS_TOLD_BATCH}
     */
    Map<ContactKey, Set<ItemKind>> itemsTold(String campaignId, List<ContactKey> contacts);
}
