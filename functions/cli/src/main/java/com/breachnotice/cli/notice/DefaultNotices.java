package com.breachnotice.cli.notice;

import com.breachnotice.cli.Json;
import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.manifest.NoticeLocale;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The notice texts the CLI ships with, as resources {@code notices/<notice>.<locale>.json} holding
 * {@code subject}, {@code text}, {@code html} and {@code sms}. {@link NoticeText} refuses any link,
 * so a text that slipped one in fails here, before anything is sent.
 */
public final class DefaultNotices {

    public static final String FIRST_NOTICE = "first-notice";

    private DefaultNotices() {}

    /** The first notice, in every language notices are written in. */
    public static Map<NoticeLocale, NoticeText> firstNotice() {
        return load(FIRST_NOTICE);
    }

    public static Map<NoticeLocale, NoticeText> load(String notice) {
        Map<NoticeLocale, NoticeText> texts = new EnumMap<>(NoticeLocale.class);
        for (NoticeLocale locale : NoticeLocale.values()) {
            texts.put(locale, text(notice, locale));
        }
        return texts;
    }

    static NoticeText text(String notice, NoticeLocale locale) {
        String resource = "/notices/" + notice + "." + locale.code() + ".json";
        try (InputStream in = DefaultNotices.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no notice text " + resource);
            }
            return parse(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * One notice text in the format of these resources (also what {@code --notice-dir} reads).
     *
     * @throws IllegalStateException when a field is missing
     * @throws IllegalArgumentException when {@link NoticeText} refuses the text (a link, a blank part)
     */
    static NoticeText parse(InputStream in, String source) throws IOException {
        JsonNode json = Json.mapper().readTree(in);
        if (json == null || !json.isObject()) {
            throw new IllegalStateException(source + " must hold one JSON object");
        }
        return new NoticeText(
                field(json, "subject", source),
                field(json, "text", source),
                field(json, "html", source),
                field(json, "sms", source));
    }

    private static String field(JsonNode json, String name, String resource) {
        JsonNode value = json.get(name);
        if (value == null || !value.isTextual()) {
            throw new IllegalStateException(resource + " lacks the text field '" + name + "'");
        }
        return value.asText();
    }
}
