package com.breachnotice.core.sending;

import com.breachnotice.core.campaign.ItemLabels;
import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The per-person parts of a notice: template data for email, the finished text for SMS. */
final class NoticeRendering {

    private NoticeRendering() {}

    /**
     * Replacement data for the SES template. SES does not HTML-escape values, so the HTML part
     * uses {@code nameHtml} and the text part {@code name}.
     */
    static Map<String, Object> emailData(String name, Set<ItemKind> items, NoticeLocale locale, String reference) {
        return emailData(name, ItemLabels.labels(items, locale), List.of(), reference);
    }

    /**
     * @param labels the person's items as the notice names them (from the incident description)
     * @param newLabels the items the person's earlier notice did not name (a revised notice's
     *     {@code {{#each newItems}}}); empty for a first notice
     */
    static Map<String, Object> emailData(String name, List<String> labels, List<String> newLabels, String reference) {
        Map<String, Object> data = new HashMap<>();
        data.put("name", name);
        data.put("nameHtml", escapeHtml(name));
        data.put("items", List.copyOf(labels));
        data.put("newItems", List.copyOf(newLabels));
        data.put("reference", reference);
        return data;
    }

    /**
     * The exact email as SES renders it from the stored template and {@code data}, as the bytes
     * the proof of notice hashes: the subject, the text part and the HTML part, each rendered,
     * joined by a NUL character (UTF-8 when hashed). See docs/architecture.md.
     */
    static String emailMessage(NoticeText text, Map<String, Object> data) {
        return TemplateRendering.render(text.subject(), data)
                + "\u0000"
                + TemplateRendering.render(text.text(), data)
                + "\u0000"
                + TemplateRendering.render(text.html(), data);
    }

    static String sms(String template, Set<ItemKind> items, NoticeLocale locale, String reference) {
        return sms(template, ItemLabels.labels(items, locale), reference);
    }

    static String sms(String template, List<String> labels, String reference) {
        return template.replace("{items}", String.join(", ", labels)).replace("{reference}", reference);
    }

    static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
