package com.breachnotice.core.campaign;

import com.breachnotice.core.manifest.NoticeLocale;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One notice version sent to the subjects of an incident.
 *
 * @param id lower-case letters, digits and dashes; it names SES templates and message tags
 */
public record Campaign(
        String id, String title, ChannelPolicy policy, Instant createdAt, Map<NoticeLocale, NoticeText> texts) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,47}");

    public Campaign {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a campaign id is 1-48 lower-case letters, digits or dashes");
        }
        texts = Map.copyOf(texts);
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
}
