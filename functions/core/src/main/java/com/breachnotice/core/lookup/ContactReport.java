package com.breachnotice.core.lookup;

import com.breachnotice.core.manifest.ItemKind;
import java.util.List;

/**
 * What a requester who proved ownership of a contact may see about it. Deliberately nothing that
 * identifies a person: no contact value, no name, no customer id.
 *
 * @param items the kinds of data that leaked, in vocabulary order
 * @param notices the notices sent to the contact, oldest campaign first
 */
public record ContactReport(boolean affected, List<ItemKind> items, List<NoticeEntry> notices) {

    public ContactReport {
        items = List.copyOf(items);
        notices = List.copyOf(notices);
    }
}
