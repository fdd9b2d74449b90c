package com.breachnotice.aws.dynamodb;

import static com.breachnotice.aws.dynamodb.Attributes.flag;
import static com.breachnotice.aws.dynamodb.Attributes.requiredString;
import static com.breachnotice.aws.dynamodb.Attributes.string;
import static com.breachnotice.aws.dynamodb.Attributes.strings;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.planning.ContactProfile;
import com.breachnotice.core.registry.StoredContact;
import com.breachnotice.core.registry.SubjectRole;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads items of the contacts table (written by {@link DynamoDbSubjectRegistry}). */
final class ContactItems {

    private ContactItems() {}

    /** The string set of a contact's roles ({@code customer}, {@code address_book}). */
    static final String ROLES = "roles";

    /** The string set of the items that leaked in one role. */
    static String roleItems(SubjectRole role) {
        return switch (role) {
            case CUSTOMER -> "customerItems";
            case ADDRESS_BOOK -> "addressBookItems";
        };
    }

    /** What a projection must name to read {@link #stored} roles. */
    static final String ROLE_ATTRIBUTES = "#roles, customerItems, addressBookItems";

    /** Roles as stored; a contact written before roles existed is a customer's, with all its items. */
    static Map<SubjectRole, Set<ItemKind>> roles(Map<String, AttributeValue> item, Set<ItemKind> items) {
        Map<SubjectRole, Set<ItemKind>> roles = new EnumMap<>(SubjectRole.class);
        for (String code : strings(item, ROLES)) {
            SubjectRole.ofCode(code).ifPresent(role -> roles.put(role, kinds(strings(item, roleItems(role)))));
        }
        if (roles.isEmpty()) {
            roles.put(SubjectRole.CUSTOMER, items);
        }
        return roles;
    }

    private static Set<ItemKind> kinds(java.util.Collection<String> codes) {
        Set<ItemKind> items = EnumSet.noneOf(ItemKind.class);
        for (String code : codes) {
            ItemKind.ofCode(code).ifPresent(items::add);
        }
        return items;
    }

    static StoredContact stored(Map<String, AttributeValue> item) {
        ContactKey key = new ContactKey(requiredString(item, "contactKey"));
        Sealed value = new Sealed(requiredString(item, "valueCipher"), requiredString(item, "dataKey"));
        Optional<Sealed> name =
                string(item, "nameCipher").map(cipher -> new Sealed(cipher, requiredString(item, "nameDataKey")));
        Set<ItemKind> items = kinds(strings(item, "items"));
        return new StoredContact(
                key,
                value,
                name,
                locale(item),
                items,
                flag(item, "smsCapable"),
                flag(item, "ownerWithoutEmail"),
                roles(item, items));
    }

    static ContactProfile profile(Map<String, AttributeValue> item) {
        return new ContactProfile(
                new ContactKey(requiredString(item, "contactKey")),
                locale(item),
                flag(item, "smsCapable"),
                flag(item, "ownerWithoutEmail"));
    }

    /** The profile, with the stored contact when the item holds a sealed value. */
    static ContactProfile profileWithContact(Map<String, AttributeValue> item) {
        ContactProfile profile = profile(item);
        if (string(item, "valueCipher").isEmpty() || string(item, "dataKey").isEmpty()) {
            return profile;
        }
        return new ContactProfile(
                profile.key(),
                profile.locale(),
                profile.smsCapable(),
                profile.ownerWithoutEmail(),
                Optional.of(stored(item)));
    }

    private static NoticeLocale locale(Map<String, AttributeValue> item) {
        return string(item, "locale").flatMap(NoticeLocale::ofCode).orElse(NoticeLocale.KO);
    }
}
