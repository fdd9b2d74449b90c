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
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads items of the contacts table (written by {@link DynamoDbSubjectRegistry}). */
final class ContactItems {

    private ContactItems() {}

    static StoredContact stored(Map<String, AttributeValue> item) {
        ContactKey key = new ContactKey(requiredString(item, "contactKey"));
        Sealed value = new Sealed(requiredString(item, "valueCipher"), requiredString(item, "dataKey"));
        Optional<Sealed> name =
                string(item, "nameCipher").map(cipher -> new Sealed(cipher, requiredString(item, "nameDataKey")));
        Set<ItemKind> items = EnumSet.noneOf(ItemKind.class);
        for (String code : strings(item, "items")) {
            ItemKind.ofCode(code).ifPresent(items::add);
        }
        return new StoredContact(
                key, value, name, locale(item), items, flag(item, "smsCapable"), flag(item, "ownerWithoutEmail"));
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
