package com.breachnotice.core.testing;

import com.breachnotice.core.intake.RejectsCsv;
import com.breachnotice.core.intake.RejectsReport;
import com.breachnotice.core.manifest.Rejection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link RejectsReport} that keeps each report, rendered as the real one renders it, by key. */
public final class RecordingRejectsReport implements RejectsReport {

    public record Report(String bucket, String key, List<Rejection> rejections, String csv) {}

    private final Map<String, Report> reports = new HashMap<>();

    @Override
    public synchronized String write(String bucket, String manifestKey, List<Rejection> rejections) {
        String key = RejectsCsv.keyFor(manifestKey);
        reports.put(key, new Report(bucket, key, List.copyOf(rejections), RejectsCsv.render(rejections)));
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
