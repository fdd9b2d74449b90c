package com.breachnotice.core.campaign;

import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of one notice in one language, with the incident's facts already filled in. Email parts
 * are SES (Handlebars) templates that may use {@code {{name}}}, {@code {{#each items}}},
 * {@code {{#each newItems}}} and {@code {{reference}}}; the SMS texts may use {@code {items}} and
 * {@code {reference}}. No part may carry a link: a link in a breach notice is exactly what phishing
 * imitates.
 *
 * @param smsAddressBook the text for people whose number leaked from customers' address books
 *     (nobody's customer, perhaps): their own words, the same placeholders
 * @param itemLabels how this notice names each item kind, by code, from the incident description;
 *     empty means the built-in labels of {@link ItemLabels}
 */
public record NoticeText(
        String subject, String text, String html, String sms, String smsAddressBook, Map<String, String> itemLabels) {

    /** A text without an address-book variant (the customer SMS serves both) and with the built-in labels. */
    public NoticeText(String subject, String text, String html, String sms) {
        this(subject, text, html, sms, sms, Map.of());
    }

    // Schemes, www. hosts and bare host/path forms such as example.com/x.
    private static final Pattern LINK = Pattern.compile(
            "(?i)(\\b[a-z][a-z0-9+.-]*://|\\bwww\\.|\\b[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}/|<a\\s|href\\s*=)");

    public NoticeText {
        itemLabels = Map.copyOf(itemLabels);
        for (String part : List.of(subject, text, html, sms, smsAddressBook)) {
            if (LINK.matcher(part).find()) {
                throw new IllegalArgumentException("notice texts must not contain links");
            }
        }
        if (subject.isBlank() || text.isBlank() || html.isBlank() || sms.isBlank() || smsAddressBook.isBlank()) {
            throw new IllegalArgumentException("every part of a notice text is required");
        }
    }

    /** The items' labels in the vocabulary's fixed order, as this notice names them. */
    public List<String> labels(Set<ItemKind> items, NoticeLocale locale) {
        if (itemLabels.isEmpty()) {
            return ItemLabels.labels(items, locale);
        }
        List<String> labels = new ArrayList<>();
        for (ItemKind item : ItemKind.values()) {
            if (items.contains(item)) {
                labels.add(itemLabels.getOrDefault(item.code(), ItemLabels.label(item, locale)));
            }
        }
        return labels;
    }

    public static boolean containsLink(String value) {
        return LINK.matcher(value.toLowerCase(Locale.ROOT)).find();
    }
}
