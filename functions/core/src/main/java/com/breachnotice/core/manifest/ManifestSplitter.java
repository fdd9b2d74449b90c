package com.breachnotice.core.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a manifest into byte ranges for parallel intake, exactly at record starts, in one streaming
 * pass of the same record assembly the reader uses (quote parity, the stray-quote recovery). Only
 * line breaks and quotes are looked at, never fields, so the pass costs about a read of the object.
 *
 * <p>A record belongs to the range in which it starts, and every range starts at a record start, so
 * a worker that reads its range from a fresh {@link RecordAssembler} sees exactly the records one
 * pass would see there, with the same physical line numbers. The ranges cover the object from the
 * end of the header to the end, without gaps or overlaps.
 */
public final class ManifestSplitter {

    /** One range [{@code start}, {@code end}) whose first line is {@code firstLine}. */
    public record Range(long start, long end, long firstLine) {}

    /** The header and the ranges; there is always at least one range (maybe empty). */
    public record Split(ManifestHeader header, List<Range> ranges) {

        public Split {
            ranges = List.copyOf(ranges);
        }
    }

    private ManifestSplitter() {}

    /**
     * Reads the whole stream; a new range starts at the first record start at least
     * {@code rangeBytes} after the current range's start.
     *
     * @throws ManifestFormatException when the header makes the file unusable
     */
    public static Split split(InputStream in, long rangeBytes) throws IOException {
        if (rangeBytes <= 0) {
            throw new IllegalArgumentException("rangeBytes must be positive");
        }
        RecordAssembler records = new RecordAssembler(in);
        ManifestHeader header = ManifestReader.readHeader(records);
        long start = records.offset();
        long firstLine = 2;
        List<Range> ranges = new ArrayList<>();
        for (RecordAssembler.Record record = records.next(); record != null; record = records.next()) {
            if (record.start() - start >= rangeBytes) {
                ranges.add(new Range(start, record.start(), firstLine));
                start = record.start();
                firstLine = record.line();
            }
        }
        ranges.add(new Range(start, records.offset(), firstLine));
        return new Split(header, ranges);
    }
}
