package com.breachnotice.core.campaign;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words of one notice in one language. Email parts are SES (Handlebars) templates that may use
 * {@code {{name}}}, {@code {{#each items}}} and {@code {{reference}}}; the SMS text may use
 * {@code {items}} and {@code {reference}}. No part may carry a link: a link in a breach notice is
 * exactly what phishing imitates.
 */
public record NoticeText(String subject, String text, String html, String sms) {

    // Schemes, www. hosts and bare host/path forms such as example.com/x.
    private static final Pattern LINK = Pattern.compile(
            "(?i)(\\b[a-z][a-z0-9+.-]*://|\\bwww\\.|\\b[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}/|<a\\s|href\\s*=)");

    public NoticeText {
        for (String part : List.of(subject, text, html, sms)) {
            if (LINK.matcher(part).find()) {
                throw new IllegalArgumentException("notice texts must not contain links");
            }
        }
        if (subject.isBlank() || text.isBlank() || html.isBlank() || sms.isBlank()) {
            throw new IllegalArgumentException("every part of a notice text is required");
        }
    }

    public static boolean containsLink(String value) {
        return LINK.matcher(value.toLowerCase(Locale.ROOT)).find();
    }
}
