package com.breachnotice.core.campaign;

import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One notice version sent to the subjects of an incident.
 *
 * @param id lower-case letters, digits and dashes; it names SES templates and message tags
 * @param rates the campaign's {@code email_rate} and {@code sms_rate}, never exceeded across senders
 * @param windows the hours each channel may send in; {@link SendWindows#ALWAYS} for a campaign
 *     stored before windows existed
 * @param revises the id of the earlier campaign this one revises: its planner lists, per person, the
 *     items that campaign's notice did not name
 */
public record Campaign(
        String id,
        String title,
        ChannelPolicy policy,
        Instant createdAt,
        Map<NoticeLocale, NoticeText> texts,
        SendRates rates,
        SendWindows windows,
        Optional<String> revises) {

    /** A campaign that sends at any hour and revises none (the launch command sets both as told). */
    public Campaign(
            String id,
            String title,
            ChannelPolicy policy,
            Instant createdAt,
            Map<NoticeLocale, NoticeText> texts,
            SendRates rates) {
        this(id, title, policy, createdAt, texts, rates, SendWindows.ALWAYS, Optional.empty());
    }

    /** A campaign at the default rates. */
    public Campaign(
            String id, String title, ChannelPolicy policy, Instant createdAt, Map<NoticeLocale, NoticeText> texts) {
        this(id, title, policy, createdAt, texts, SendRates.DEFAULT);
    }

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,47}");

    public Campaign {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a campaign id is 1-48 lower-case letters, digits or dashes");
        }
        texts = Map.copyOf(texts);
        if (revises.isPresent()
                && (!ID.matcher(revises.get()).matches() || revises.get().equals(id))) {
            throw new IllegalArgumentException("a campaign revises another campaign, by its id");
        }
        for (NoticeLocale locale : NoticeLocale.values()) {
            if (!texts.containsKey(locale)) {
                throw new IllegalArgumentException("the campaign lacks its " + locale.code() + " text");
            }
        }
    }

    public NoticeText text(NoticeLocale locale) {
        NoticeText text = texts.get(locale);
        if (text == null) {
            throw new IllegalStateException("no text for " + locale);
        }
        return text;
    }

    /** The SES template of this campaign in one language. */
    public String emailTemplateName(NoticeLocale locale) {
        return "bn-" + id + "-" + locale.code();
    }

    /** This campaign with other send rates. */
    public Campaign withRates(SendRates newRates) {
        return new Campaign(id, title, policy, createdAt, texts, newRates, windows, revises);
    }

    /** This campaign with other send windows. */
    public Campaign withWindows(SendWindows newWindows) {
        return new Campaign(id, title, policy, createdAt, texts, rates, newWindows, revises);
    }

    /** This campaign as the revision of {@code earlier}. */
    public Campaign revising(String earlier) {
        return new Campaign(id, title, policy, createdAt, texts, rates, windows, Optional.of(earlier));
    }

    /**
     * What the operator should know before launching: SMS texts that need more than one part once
     * filled with every leaked item and a reference code (each part is billed and rate-limited).
     */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        for (NoticeLocale locale : NoticeLocale.values()) {
            NoticeText text = text(locale);
            String items = String.join(", ", text.labels(EnumSet.allOf(ItemKind.class), locale));
            for (Map.Entry<String, String> sms : Map.of("", text.sms(), " address-book", text.smsAddressBook())
                    .entrySet()) {
                String filled = sms.getValue().replace("{items}", items).replace("{reference}", "XXXX-XXXX-XXXX-XX");
                int parts = SmsSegments.count(filled);
                if (parts > SmsSegments.PARTS_LIMIT) {
                    warnings.add("the " + locale.code() + sms.getKey() + " SMS text takes " + parts + " parts ("
                            + SmsSegments.encoding(filled) + ") when every item is listed (limit "
                            + SmsSegments.PARTS_LIMIT + ")");
                }
            }
        }
        return warnings;
    }
}
