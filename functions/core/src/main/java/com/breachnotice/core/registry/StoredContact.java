package com.breachnotice.core.registry;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A contact as the registry holds it after merging every owner: its value and name are sealed
 * (opened only by the sender, with the record's key as associated data).
 *
 * @param items every item that leaked for this contact, over all its roles: what its notice lists
 * @param roles the roles the person holds, each with the items that leaked in that role (a customer
 *     who is also in others' address books has both); never empty
 */
public record StoredContact(
        ContactKey key,
        Sealed value,
        Optional<Sealed> name,
        NoticeLocale locale,
        Set<ItemKind> items,
        boolean smsCapable,
        boolean ownerWithoutEmail,
        Map<SubjectRole, Set<ItemKind>> roles) {

    public StoredContact {
        items = Set.copyOf(items);
        Map<SubjectRole, Set<ItemKind>> copy = new EnumMap<>(SubjectRole.class);
        roles.forEach((role, roleItems) -> copy.put(role, Set.copyOf(roleItems)));
        if (copy.isEmpty()) {
            copy.put(SubjectRole.CUSTOMER, items);
        }
        roles = Map.copyOf(copy);
    }

    /** A customer's contact (its one role is {@link SubjectRole#CUSTOMER}). */
    public StoredContact(
            ContactKey key,
            Sealed value,
            Optional<Sealed> name,
            NoticeLocale locale,
            Set<ItemKind> items,
            boolean smsCapable,
            boolean ownerWithoutEmail) {
        this(key, value, name, locale, items, smsCapable, ownerWithoutEmail, Map.of(SubjectRole.CUSTOMER, items));
    }

    /** The items that leaked in one role; empty when the person does not hold it. */
    public Set<ItemKind> itemsOf(SubjectRole role) {
        return roles.getOrDefault(role, Set.of());
    }

    /** The roles in their fixed order (customer first). */
    public Set<SubjectRole> roleSet() {
        return roles.isEmpty() ? EnumSet.noneOf(SubjectRole.class) : EnumSet.copyOf(roles.keySet());
    }
}
