package com.breachnotice.core.testing;

import com.breachnotice.core.intake.RejectsCsv;
import com.breachnotice.core.intake.RejectsReport;
import com.breachnotice.core.manifest.Rejection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link RejectsReport} that keeps each report, rendered as the real one renders it, by key. */
public final class RecordingRejectsReport implements RejectsReport {

    public record Report(String bucket, String key, List<Rejection> rejections, String csv) {}

    private final Map<String, Report> reports = new HashMap<>();

    private final Map<String, List<Rejection>> parts = new HashMap<>();

    @Override
    public synchronized void writePart(
            String bucket, String manifestKey, String manifestId, int range, List<Rejection> rejections) {
        parts.put(RejectsCsv.partKeyFor(manifestKey, manifestId, range), List.copyOf(rejections));
    }

    @Override
    public synchronized String assemble(String bucket, String manifestKey, String manifestId, int ranges)
            throws IOException {
        List<BufferedReader> readers = new ArrayList<>();
        List<Rejection> all = new ArrayList<>();
        for (int range = 0; range < ranges; range++) {
            List<Rejection> part = parts.get(RejectsCsv.partKeyFor(manifestKey, manifestId, range));
            if (part == null) {
                throw new AssertionError("range " + range + " wrote no rejects part");
            }
            all.addAll(part);
            readers.add(new BufferedReader(new StringReader(RejectsCsv.render(part))));
        }
        all.sort(Comparator.comparingLong(Rejection::line));
        StringWriter csv = new StringWriter();
        RejectsCsv.merge(readers, csv);
        String key = RejectsCsv.keyFor(manifestKey);
        reports.put(key, new Report(bucket, key, List.copyOf(all), csv.toString()));
        return key;
    }

    public synchronized Report report(String key) {
        Report report = reports.get(key);
        if (report == null) {
            throw new AssertionError("no rejects report was written to " + key);
        }
        return report;
    }

    public synchronized int written() {
        return reports.size();
    }
}
