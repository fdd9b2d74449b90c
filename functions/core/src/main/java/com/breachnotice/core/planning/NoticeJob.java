package com.breachnotice.core.planning;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.delivery.JobKey;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.registry.StoredContact;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Up to {@value #MAX_CONTACTS} contacts to notify on one channel in one language: one SES bulk call
 * for email. {@code enclosed} carries the stored (sealed) contacts the planner read with its scan,
 * so the sender does not read them again: one request fewer per job. It may be empty or partial;
 * the sender reads what is missing. {@code newItems} holds, for a campaign that revises an earlier
 * one, each contact's items that the earlier notice did not name (the "what is new" list); it is
 * empty otherwise.
 */
public record NoticeJob(
        String campaignId,
        Channel channel,
        NoticeLocale locale,
        List<ContactKey> contacts,
        Map<ContactKey, StoredContact> enclosed,
        Map<ContactKey, Set<ItemKind>> newItems) {

    public static final int MAX_CONTACTS = 50;

    public NoticeJob {
        contacts = List.copyOf(contacts);
        enclosed = Map.copyOf(enclosed);
        Map<ContactKey, Set<ItemKind>> copy = new LinkedHashMap<>();
        newItems.forEach((contact, items) -> copy.put(contact, Set.copyOf(items)));
        newItems = Collections.unmodifiableMap(copy);
        if (contacts.isEmpty() || contacts.size() > MAX_CONTACTS) {
            throw new IllegalArgumentException("a notice job holds 1 to " + MAX_CONTACTS + " contacts");
        }
    }

    public NoticeJob(String campaignId, Channel channel, NoticeLocale locale, List<ContactKey> contacts) {
        this(campaignId, channel, locale, contacts, Map.of());
    }

    /** A job of a campaign that revises none. */
    public NoticeJob(
            String campaignId,
            Channel channel,
            NoticeLocale locale,
            List<ContactKey> contacts,
            Map<ContactKey, StoredContact> enclosed) {
        this(campaignId, channel, locale, contacts, enclosed, Map.of());
    }

    /** The items a revised notice names as new to {@code contact}: none for a first notice. */
    public Set<ItemKind> newItemsOf(ContactKey contact) {
        return newItems.getOrDefault(contact, Set.of());
    }

    /**
     * The job's identity, derived from what it holds (channel, language and contacts in order), so
     * that planning a page again yields the same keys and a job's claim covers its redeliveries.
     */
    public JobKey key() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((channel.code() + "|" + locale.code()).getBytes(StandardCharsets.UTF_8));
            for (ContactKey contact : contacts) {
                digest.update((byte) '|');
                digest.update(contact.value().getBytes(StandardCharsets.UTF_8));
            }
            return new JobKey(
                    campaignId,
                    channel,
                    HexFormat.of().formatHex(digest.digest()).substring(0, 24));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
