package com.breachnotice.cli.notice;

import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.notice.NoticeTemplate;
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
 * A notice an operator wrote, in the format of {@link DefaultNotices}: a directory holding one
 * {@code <name>.<locale>.json} per language. What it says is checked by the lint, not here.
 */
public final class NoticeDirectory {

    private NoticeDirectory() {}

    /**
     * @throws InvalidNoticeException naming the file and what is wrong with it
     */
    public static Map<NoticeLocale, NoticeTemplate> load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new InvalidNoticeException("no such notice directory: " + directory);
        }
        Map<NoticeLocale, NoticeTemplate> templates = new EnumMap<>(NoticeLocale.class);
        for (NoticeLocale locale : NoticeLocale.values()) {
            Path file = single(directory, locale);
            try (InputStream in = Files.newInputStream(file)) {
                templates.put(locale, DefaultNotices.parse(in, file.toString(), locale));
            } catch (IOException e) {
                throw new InvalidNoticeException("cannot read " + file + ": " + e.getMessage());
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new InvalidNoticeException(String.valueOf(e.getMessage()));
            }
        }
        return templates;
    }

    /** {@code first}, {@code revised} or a directory: what {@code --notice} and {@code notice lint} take. */
    public static Map<NoticeLocale, NoticeTemplate> choose(String notice, Path directory) {
        return DefaultNotices.builtIn(notice).orElseGet(() -> load(directory));
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
