package com.breachnotice.core.notice;

import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.incident.IncidentDescription;
import com.breachnotice.core.manifest.NoticeLocale;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One notice in one language as its author writes it: sections rather than a finished text, facts
 * by placeholder ({@code {{incident.helpLine}}}) rather than literally. {@link #render} builds the
 * email text and HTML from the same sections (so the two cannot say different things), appends the
 * person's own item list to {@link NoticeSection#YOUR_ITEMS} and the items their earlier notice did
 * not name to {@link NoticeSection#WHAT_IS_NEW}, and fills the facts from the incident description.
 *
 * <p>A body is plain text: paragraphs separated by a blank line, lines starting with {@code "- "}
 * are a list, and a line holding only {@code {{incident.precautions}}} (or {@code actions},
 * {@code relief}) becomes the list of those facts.
 *
 * @param name the notice's name ({@code first-notice}, {@code revised-notice})
 * @param revises the notice this one revises, when it is a revised notice
 * @param greeting the salutation without a name; {@code greetingNamed} carries {@code {{name}}}
 * @param sms the customer text; {@code smsAddressBook} the text for people known only from
 *     customers' address books; both carry {@code {items}} and {@code {reference}}
 */
public record NoticeTemplate(
        String name,
        int version,
        NoticeLocale locale,
        Optional<String> revises,
        String subject,
        String greeting,
        String greetingNamed,
        String intro,
        Map<NoticeSection, Section> sections,
        String closing,
        String sms,
        String smsAddressBook) {

    /**
     * @param listIntro the words before the generated list (of {@link NoticeSection#WHAT_IS_NEW}: shown
     *     only when the person has new items)
     */
    public record Section(String heading, String body, String listIntro) {}

    public NoticeTemplate {
        sections = sections.isEmpty() ? Map.of() : new EnumMap<>(sections);
    }

    /** The sections a notice must have: all but {@code what_is_new}, which a revised notice adds. */
    public List<NoticeSection> requiredSections() {
        List<NoticeSection> required = new ArrayList<>();
        for (NoticeSection section : NoticeSection.values()) {
            if (section != NoticeSection.WHAT_IS_NEW || revises.isPresent()) {
                required.add(section);
            }
        }
        return required;
    }

    /**
     * The finished text with the incident's facts filled in and the per-person placeholders left for
     * the sender.
     *
     * @throws IllegalArgumentException for a placeholder that is no fact, or a text {@link NoticeText}
     *     refuses
     */
    public NoticeText render(IncidentDescription incident) {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"")
                .append(locale.code())
                .append("\">\n<body style=\"font-family: sans-serif; line-height: 1.6; color: #222;\">\n");
        String named = fill(incident, greetingNamed);
        String plain = fill(incident, greeting);
        text.append("{{#if name}}")
                .append(named)
                .append("{{else}}")
                .append(plain)
                .append("{{/if}}\n\n");
        html.append("<p>{{#if nameHtml}}")
                .append(escape(named).replace("{{name}}", "{{nameHtml}}"))
                .append("{{else}}")
                .append(escape(plain))
                .append("{{/if}}</p>\n");
        appendBody(text, html, intro, incident);
        int number = 0;
        for (NoticeSection id : NoticeSection.values()) {
            Section section = sections.get(id);
            if (section == null) {
                continue;
            }
            number++;
            String heading = number + ". " + fill(incident, section.heading());
            text.append(heading).append('\n');
            html.append("<h2>").append(escape(heading)).append("</h2>\n");
            appendBody(text, html, section.body(), incident);
            if (id == NoticeSection.YOUR_ITEMS) {
                appendList(text, html, "items", fill(incident, section.listIntro()), false);
            } else if (id == NoticeSection.WHAT_IS_NEW) {
                appendList(text, html, "newItems", fill(incident, section.listIntro()), true);
            }
        }
        appendBody(text, html, closing, incident);
        html.append("</body>\n</html>\n");
        Map<String, String> labels = new java.util.HashMap<>();
        for (com.breachnotice.core.manifest.ItemKind item : com.breachnotice.core.manifest.ItemKind.values()) {
            labels.put(item.code(), incident.label(item, locale));
        }
        return new NoticeText(
                fill(incident, subject),
                text.toString(),
                html.toString(),
                fill(incident, sms),
                fill(incident, smsAddressBook),
                labels);
    }

    private String fill(IncidentDescription incident, String template) {
        return incident.resolve(template, locale);
    }

    /** Paragraphs and lists of {@code body}, its facts filled (list facts first, as lists), to both parts. */
    private void appendBody(StringBuilder text, StringBuilder html, String body, IncidentDescription incident) {
        if (body.isBlank()) {
            return;
        }
        for (String paragraph : body.strip().split("\\n\\s*\\n")) {
            List<String> lines = new ArrayList<>();
            for (String line : paragraph.split("\\n")) {
                Optional<String> list = IncidentDescription.listPlaceholder(line);
                if (list.isPresent()) {
                    incident.list(list.get(), locale).forEach(item -> lines.add("- " + item));
                } else {
                    lines.add(fill(incident, line.strip()));
                }
            }
            boolean inList = false;
            StringBuilder prose = new StringBuilder();
            for (String line : lines) {
                text.append(line).append('\n');
                boolean item = line.startsWith("- ");
                if (item) {
                    if (prose.length() > 0) {
                        html.append("<p>").append(prose).append("</p>\n");
                        prose.setLength(0);
                    }
                    if (!inList) {
                        html.append("<ul>\n");
                        inList = true;
                    }
                    html.append("<li>").append(escape(line.substring(2))).append("</li>\n");
                } else {
                    if (inList) {
                        html.append("</ul>\n");
                        inList = false;
                    }
                    if (prose.length() > 0) {
                        prose.append("<br>");
                    }
                    prose.append(escape(line));
                }
            }
            if (inList) {
                html.append("</ul>\n");
            }
            if (prose.length() > 0) {
                html.append("<p>").append(prose).append("</p>\n");
            }
            text.append('\n');
        }
    }

    /** The generated list of the person's items (SES data {@code items} or {@code newItems}). */
    private static void appendList(
            StringBuilder text, StringBuilder html, String data, String listIntro, boolean onlyWhenAny) {
        if (onlyWhenAny) {
            text.append("{{#if ").append(data).append("}}");
            html.append("{{#if ").append(data).append("}}");
        }
        if (!listIntro.isBlank()) {
            text.append(listIntro.strip()).append('\n');
            html.append("<p>").append(escape(listIntro.strip())).append("</p>\n");
        }
        text.append("{{#each ").append(data).append("}}\n- {{this}}\n{{/each}}\n");
        html.append("<ul>\n{{#each ").append(data).append("}}\n<li>{{this}}</li>\n{{/each}}\n</ul>\n");
        if (onlyWhenAny) {
            text.append("{{/if}}");
            html.append("{{/if}}");
        }
        text.append('\n');
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Every part an author wrote, with where it is: what the lint reads. */
    public Map<String, String> parts() {
        Map<String, String> parts = new java.util.LinkedHashMap<>();
        parts.put("subject", subject);
        parts.put("greeting", greeting);
        parts.put("greeting_named", greetingNamed);
        parts.put("intro", intro);
        sections.forEach((id, section) -> {
            parts.put(id.code() + ".heading", section.heading());
            parts.put(id.code() + ".body", section.body());
            parts.put(id.code() + ".list_intro", section.listIntro());
        });
        parts.put("closing", closing);
        parts.put("sms", sms);
        parts.put("sms_address_book", smsAddressBook);
        return parts;
    }
}
