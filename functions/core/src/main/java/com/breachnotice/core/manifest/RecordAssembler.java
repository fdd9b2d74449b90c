package com.breachnotice.core.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Assembles CSV records from physical lines by quote parity, so a quoted field may hold line breaks.
 * A quote left open for more than {@value #MAX_RECORD_LINES} lines (or {@value #MAX_RECORD_CHARS}
 * characters) is malformed on its first line, and assembly resumes on the line after it, so one
 * stray quote cannot swallow the file.
 *
 * <p>This is the one place that decides where a record starts. The reader and the splitter both go
 * through it, which is what makes a split exact: a range cut at a record start that this class
 * reported reads, from a fresh assembler, exactly the records the one-pass read finds there. That
 * holds because the assembler's state at a record start is only the position in the byte stream
 * (lines put back for replay are always the lines that follow it, in order).
 */
final class RecordAssembler {

    static final int MAX_RECORD_LINES = 20;
    static final int MAX_RECORD_CHARS = 16 * 1024;
    static final CSVFormat FORMAT = CSVFormat.RFC4180;

    /** What starts at one physical line. */
    sealed interface Record {
        long line();

        /** The byte offset of the object at which this record starts. */
        long start();
    }

    record Blank(long line, long start) implements Record {}

    record Malformed(long line, long start) implements Record {}

    /**
     * A record's text (line breaks inside quotes as {@code \n}); {@code validUtf8} false if any of
     * its lines was not UTF-8; {@code truncated} if one of its lines was cut at the reader's limit.
     */
    record Text(long line, long start, String text, boolean validUtf8, boolean truncated) implements Record {}

    private final PhysicalLines lines;
    private final Deque<PhysicalLines.Line> replay = new ArrayDeque<>();

    /** Records of a whole object, from line 1 at offset 0. */
    RecordAssembler(InputStream in) {
        this.lines = new PhysicalLines(in);
    }

    /** Records of a range of an object that starts at a record start. */
    RecordAssembler(InputStream in, long firstLine, long firstOffset) {
        this.lines = new PhysicalLines(in, firstLine, firstOffset, firstOffset == 0);
    }

    /** The first line as is (the header), or null for an empty stream; call before {@link #next}. */
    PhysicalLines.@Nullable Line headerLine() throws IOException {
        return lines.next();
    }

    /** The byte offset where the next unread physical line starts. */
    long offset() {
        PhysicalLines.Line pending = replay.peek();
        return pending != null ? pending.start() : lines.offset();
    }

    @Nullable
    Record next() throws IOException {
        PhysicalLines.Line first = nextLine();
        if (first == null) {
            return null;
        }
        if (first.text().isBlank() && !first.truncated()) {
            return new Blank(first.number(), first.start());
        }
        List<PhysicalLines.Line> consumed = new ArrayList<>(1);
        consumed.add(first);
        StringBuilder record = new StringBuilder(first.text());
        boolean validUtf8 = first.validUtf8();
        boolean truncated = first.truncated();
        int quotes = countQuotes(first.text());
        while ((quotes & 1) == 1) {
            PhysicalLines.Line more = nextLine();
            if (more == null || consumed.size() >= MAX_RECORD_LINES || record.length() > MAX_RECORD_CHARS) {
                if (more != null) {
                    replay.addFirst(more);
                }
                return malformed(first, consumed);
            }
            consumed.add(more);
            record.append('\n').append(more.text());
            validUtf8 &= more.validUtf8();
            truncated |= more.truncated();
            quotes += countQuotes(more.text());
        }
        if (consumed.size() > 1 && parseFields(record.toString()) == null) {
            // The lines were joined because of an odd quote that opened no quoted field (a stray
            // quote, then another one further down): only the first line is malformed; the lines
            // after it are records of their own and are read again.
            return malformed(first, consumed);
        }
        return new Text(first.number(), first.start(), record.toString(), validUtf8, truncated);
    }

    private Malformed malformed(PhysicalLines.Line first, List<PhysicalLines.Line> consumed) {
        for (int i = consumed.size() - 1; i >= 1; i--) {
            replay.addFirst(consumed.get(i));
        }
        return new Malformed(first.number(), first.start());
    }

    private PhysicalLines.@Nullable Line nextLine() throws IOException {
        return replay.isEmpty() ? lines.next() : replay.poll();
    }

    /** The fields of one record, or null when it is not exactly one valid RFC 4180 record. */
    static @Nullable List<String> parseFields(String text) {
        if (text.indexOf('"') < 0) {
            // Without quotes RFC 4180 is a split on commas; this is the common row, and the parser
            // below costs a few microseconds per row.
            return List.of(text.split(",", -1));
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                return null;
            }
            return records.get(0).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return null;
        }
    }

    private static int countQuotes(String text) {
        int quotes = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes;
    }
}
