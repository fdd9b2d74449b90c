package com.breachnotice.cli.notice;

import com.breachnotice.aws.incident.IncidentJson;
import com.breachnotice.cli.Json;
import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.notice.NoticeSection;
import com.breachnotice.core.notice.NoticeTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The notices the CLI ships with, as resources {@code notices/<notice>.<locale>.json}: the first
 * notice and the revised one. Each file is one {@link NoticeTemplate} in JSON: {@code notice},
 * {@code version}, optional {@code revises}, {@code subject}, {@code greeting},
 * {@code greeting_named}, {@code intro}, {@code sections} (by code: {@code heading}, {@code body},
 * optional {@code list_intro}), {@code closing}, {@code sms}, {@code sms_address_book}. An operator's
 * directory ({@code --notice DIR}) holds the same files.
 */
public final class DefaultNotices {

    public static final String FIRST_NOTICE = "first-notice";
    public static final String REVISED_NOTICE = "revised-notice";

    private DefaultNotices() {}

    /** A built-in notice by its short name ({@code first}, {@code revised}) or its full one. */
    public static Optional<Map<NoticeLocale, NoticeTemplate>> builtIn(String name) {
        String notice = switch (name) {
            case "first", FIRST_NOTICE -> FIRST_NOTICE;
            case "revised", REVISED_NOTICE -> REVISED_NOTICE;
            default -> "";
        };
        return notice.isEmpty() ? Optional.empty() : Optional.of(load(notice));
    }

    /** The first notice filled with the built-in sample incident (the demo's and the tests'). */
    public static Map<NoticeLocale, NoticeText> firstNotice() {
        return render(load(FIRST_NOTICE));
    }

    /** Every language of {@code templates} filled with the built-in sample incident. */
    public static Map<NoticeLocale, NoticeText> render(Map<NoticeLocale, NoticeTemplate> templates) {
        Map<NoticeLocale, NoticeText> texts = new EnumMap<>(NoticeLocale.class);
        templates.forEach((locale, template) -> texts.put(locale, template.render(IncidentJson.sample())));
        return texts;
    }

    public static Map<NoticeLocale, NoticeTemplate> load(String notice) {
        Map<NoticeLocale, NoticeTemplate> templates = new EnumMap<>(NoticeLocale.class);
        for (NoticeLocale locale : NoticeLocale.values()) {
            String resource = "/notices/" + notice + "." + locale.code() + ".json";
            try (InputStream in = DefaultNotices.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no notice text " + resource);
                }
                templates.put(locale, parse(in, resource, locale));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return templates;
    }

    /**
     * One notice template in the format of these resources.
     *
     * @throws IllegalStateException naming the source and the missing or malformed field
     */
    static NoticeTemplate parse(InputStream in, String source, NoticeLocale locale) throws IOException {
        JsonNode json = Json.mapper().readTree(in);
        if (json == null || !json.isObject()) {
            throw new IllegalStateException(source + " must hold one JSON object");
        }
        Map<NoticeSection, NoticeTemplate.Section> sections = new EnumMap<>(NoticeSection.class);
        JsonNode sectionNode = json.path("sections");
        if (!sectionNode.isObject()) {
            throw new IllegalStateException(source + " lacks the object 'sections'");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = sectionNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            NoticeSection section = NoticeSection.ofCode(entry.getKey())
                    .orElseThrow(() -> new IllegalStateException(source + ": unknown section '" + entry.getKey()
                            + "' (what_is_new, what_happened, your_items, what_we_do, what_you_should_do,"
                            + " check_genuine, help_and_relief)"));
            JsonNode value = entry.getValue();
            sections.put(
                    section,
                    new NoticeTemplate.Section(
                            optional(value, "heading"), optional(value, "body"), optional(value, "list_intro")));
        }
        JsonNode version = json.path("version");
        JsonNode revises = json.path("revises");
        return new NoticeTemplate(
                field(json, "notice", source),
                version.canConvertToInt() ? version.asInt() : 1,
                locale,
                revises.isTextual() && !revises.asText().isBlank() ? Optional.of(revises.asText()) : Optional.empty(),
                field(json, "subject", source),
                optional(json, "greeting"),
                optional(json, "greeting_named"),
                optional(json, "intro"),
                sections,
                optional(json, "closing"),
                optional(json, "sms"),
                optional(json, "sms_address_book"));
    }

    private static String field(JsonNode json, String name, String source) {
        JsonNode value = json.get(name);
        if (value == null || !value.isTextual()) {
            throw new IllegalStateException(source + " lacks the text field '" + name + "'");
        }
        return value.asText();
    }

    /** A part the lint checks for presence: missing reads as empty, and the lint names it. */
    private static String optional(JsonNode json, String name) {
        JsonNode value = json.get(name);
        return value == null || !value.isTextual() ? "" : value.asText();
    }
}
