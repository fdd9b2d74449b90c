package com.breachnotice.core.testing;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.contact.ContactNormalizer;
import com.breachnotice.core.contact.Pepper;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.registry.StoredContact;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Shared test data: a pepper, campaigns with link-free texts, stored contacts sealed for real. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    public static final ContactNormalizer NORMALIZER = ContactNormalizer.korea();

    private Fixtures() {}

    public static Pepper pepper() {
        return pepper("the test pepper, thirty-two bytes or more");
    }

    public static Pepper pepper(String phrase) {
        return new Pepper(phrase.getBytes(StandardCharsets.UTF_8));
    }

    public static ContactKeyer keyer() {
        return new ContactKeyer(pepper());
    }

    public static NoticeText koText() {
        return new NoticeText(
                "개인정보 유출 안내",
                "{{name}}님, 다음 정보가 유출되었습니다. 참조번호 {{reference}}",
                "<p>{{nameHtml}}님</p><ul>{{#each items}}<li>{{this}}</li>{{/each}}</ul><p>{{reference}}</p>",
                "[유출 안내] 유출 항목: {items}. 참조번호 {reference}. 링크를 보내지 않습니다.");
    }

    public static NoticeText enText() {
        return new NoticeText(
                "Notice of personal data leak",
                "{{name}}, the following leaked. Reference {{reference}}",
                "<p>{{nameHtml}}</p><ul>{{#each items}}<li>{{this}}</li>{{/each}}</ul><p>{{reference}}</p>",
                "Data leak notice: {items}. Reference {reference}. We never send links.");
    }

    public static Campaign campaign(String id, ChannelPolicy policy) {
        return new Campaign(
                id, "Notice " + id, policy, T0, Map.of(NoticeLocale.KO, koText(), NoticeLocale.EN, enText()));
    }

    public static Contact email(String raw) {
        return NORMALIZER.email(raw).orElseThrow(() -> new IllegalArgumentException("test email is invalid"));
    }

    public static Contact phone(String raw) {
        return NORMALIZER.phone(raw).orElseThrow(() -> new IllegalArgumentException("test phone is invalid"));
    }

    /** A contact stored as intake would store it: value and name sealed with the key as associated data. */
    public static StoredContact stored(
            ContactKeyer keyer,
            ContactCipher cipher,
            Contact contact,
            String name,
            NoticeLocale locale,
            Set<ItemKind> items,
            boolean ownerWithoutEmail) {
        ContactKey key = keyer.keyOf(contact);
        return new StoredContact(
                key,
                cipher.seal(contact.value(), key.value()),
                name.isEmpty() ? Optional.empty() : Optional.of(cipher.seal(name, key.value())),
                locale,
                items,
                contact.smsCapable(),
                ownerWithoutEmail);
    }
}
