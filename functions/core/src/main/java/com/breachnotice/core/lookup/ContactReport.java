package com.breachnotice.core.lookup;

import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.registry.SubjectRole;
import java.util.List;

/**
 * What a requester who proved ownership of a contact may see about it. Deliberately nothing that
 * identifies a person: no contact value, no name, no customer id.
 *
 * @param items the kinds of data that leaked, in vocabulary order
 * @param notices the notices sent to the contact, oldest campaign first
 * @param roles why the contact is in the registry (customer first), each with the items that leaked
 *     in that role: an address-book person sees what their entry held, a customer who is also in
 *     others' books sees both
 */
public record ContactReport(boolean affected, List<ItemKind> items, List<NoticeEntry> notices, List<RoleItems> roles) {

    public ContactReport {
        items = List.copyOf(items);
        notices = List.copyOf(notices);
        roles = List.copyOf(roles);
    }

    public ContactReport(boolean affected, List<ItemKind> items, List<NoticeEntry> notices) {
        this(affected, items, notices, List.of());
    }

    /** One role and its items, in vocabulary order. */
    public record RoleItems(SubjectRole role, List<ItemKind> items) {
        public RoleItems {
            items = List.copyOf(items);
        }
    }
}
