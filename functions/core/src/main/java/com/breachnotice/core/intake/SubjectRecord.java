package com.breachnotice.core.intake;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import java.util.Optional;
import java.util.Set;

/**
 * One subject as stored: keys and sealed values only, never a readable contact or name. A customer's
 * {@code customerId} is its customer id; a person of the address books is known by their phone, and
 * their id is {@link #addressBookId} of its key (longer than any customer id, so the two never meet).
 */
public record SubjectRecord(
        String customerId,
        Set<ItemKind> items,
        NoticeLocale locale,
        Optional<ContactKey> email,
        Optional<ContactKey> phone,
        Optional<Sealed> name,
        String manifestId) {

    public SubjectRecord {
        items = Set.copyOf(items);
    }

    private static final String ADDRESS_BOOK_PREFIX = "book:";

    /** The subject id of the address-book person whose phone has this key. */
    public static String addressBookId(ContactKey phone) {
        return ADDRESS_BOOK_PREFIX + phone.value();
    }

    /** Whether a subject id names an address-book person rather than a customer. */
    public static boolean isAddressBookId(String subjectId) {
        return subjectId.startsWith(ADDRESS_BOOK_PREFIX);
    }
}
