package com.breachnotice.core.events;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.registry.StoredContact;
import java.util.List;

/** Where an email-first campaign turns when an email bounced for good: its owners' phones. */
public interface FallbackContacts {

    /** The SMS-capable phone contacts of the people who own {@code email} (sealed, as stored). */
    List<StoredContact> phonesOfOwners(ContactKey email);
}
