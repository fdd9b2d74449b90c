package com.breachnotice.core.delivery;

import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What one person was told: kept with the delivery so that every notice can be proven. Small on
 * purpose (about 120 bytes an item): the message itself is not kept, its SHA-256 is, and anyone
 * holding the notice's text and the person's data can render it again and compare.
 *
 * @param notice the notice's name
 * @param version the notice's version: the first 12 hex digits of a SHA-256 of its texts in this
 *     language, so a changed text is a new version
 * @param items the leaked items the message listed, in the order it listed them
 * @param locale the language of the message
 * @param messageSha256 lower-case hex SHA-256 of the exact message (the bytes are named in
 *     docs/architecture.md: the text published for SMS, our rendering of the template for email)
 */
public record NoticeProof(
        String notice, String version, List<ItemKind> items, NoticeLocale locale, String messageSha256) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public NoticeProof {
        items = List.copyOf(items);
        if (!SHA256_HEX.matcher(messageSha256).matches()) {
            throw new IllegalArgumentException("a message hash is 64 lower-case hex digits");
        }
    }
}
