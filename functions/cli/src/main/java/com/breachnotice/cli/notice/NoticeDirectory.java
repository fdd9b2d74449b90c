package com.breachnotice.cli.notice;

import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.manifest.NoticeLocale;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Notice texts an operator wrote, in the format of {@link DefaultNotices}: a directory holding one
 * {@code <name>.<locale>.json} per language ({@code revised-notice.ko.json},
 * {@code revised-notice.en.json}), each with {@code subject}, {@code text}, {@code html} and
 * {@code sms}. Checked as the core checks every text: a link anywhere is refused.
 */
public final class NoticeDirectory {

    private NoticeDirectory() {}

    /**
     * @throws InvalidNoticeException naming the file and what is wrong with it
     */
    public static Map<NoticeLocale, NoticeText> load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new InvalidNoticeException("no such notice directory: " + directory);
        }
        Map<NoticeLocale, NoticeText> texts = new EnumMap<>(NoticeLocale.class);
        for (NoticeLocale locale : NoticeLocale.values()) {
            Path file = single(directory, locale);
            try (InputStream in = Files.newInputStream(file)) {
                texts.put(locale, DefaultNotices.parse(in, file.toString()));
            } catch (IOException e) {
                throw new InvalidNoticeException("cannot read " + file + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new InvalidNoticeException(file + ": " + e.getMessage());
            } catch (IllegalStateException e) {
                throw new InvalidNoticeException(String.valueOf(e.getMessage()));
            }
        }
        return texts;
    }

    private static Path single(Path directory, NoticeLocale locale) {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*." + locale.code() + ".json")) {
            files.forEach(found::add);
        } catch (IOException e) {
            throw new InvalidNoticeException("cannot list " + directory + ": " + e.getMessage());
        }
        if (found.size() != 1) {
            throw new InvalidNoticeException(directory + " must hold exactly one *." + locale.code() + ".json (the "
                    + locale.code() + " text); found " + found.size());
        }
        return found.get(0);
    }

    /** The texts cannot be used; the message names the file and the reason. */
    public static final class InvalidNoticeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidNoticeException(String message) {
            super(message);
        }
    }
}
