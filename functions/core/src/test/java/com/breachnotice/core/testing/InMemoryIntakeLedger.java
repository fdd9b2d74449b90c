package com.breachnotice.core.testing;

import com.breachnotice.core.intake.IntakeLedger;
import com.breachnotice.core.intake.IntakeStatus;
import com.breachnotice.core.intake.ManifestUpload;
import com.breachnotice.core.intake.RangeOutcome;
import com.breachnotice.core.manifest.ManifestSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link IntakeLedger} in memory; also remembers the full summary each finish was given. */
public final class InMemoryIntakeLedger implements IntakeLedger {

    private final Map<String, IntakeStatus> statuses = new HashMap<>();
    private final Map<String, ManifestSummary> summaries = new HashMap<>();
    private final List<String> opened = new ArrayList<>();
    private final Map<String, Map<Integer, RangeOutcome>> ranges = new HashMap<>();

    @Override
    public synchronized void opened(ManifestUpload upload, int ranges, Instant at) {
        opened.add(upload.manifestId());
        statuses.putIfAbsent(
                upload.manifestId(),
                new IntakeStatus(
                        upload.manifestId(),
                        IntakeStatus.State.LOADING,
                        0,
                        0,
                        0,
                        0,
                        Optional.empty(),
                        Optional.empty()));
    }

    @Override
    public synchronized Optional<List<RangeOutcome>> rangeFinished(
            String manifestId, int range, int ranges, RangeOutcome outcome, Instant at) {
        Map<Integer, RangeOutcome> done = this.ranges.computeIfAbsent(manifestId, id -> new TreeMap<>());
        done.put(range, outcome);
        if (done.size() < ranges) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(done.values()));
    }

    @Override
    public synchronized void finished(String manifestId, ManifestSummary summary, String rejectsKey, Instant at) {
        summaries.put(manifestId, summary);
        statuses.put(
                manifestId,
                new IntakeStatus(
                        manifestId,
                        IntakeStatus.State.LOADED,
                        summary.rows(),
                        summary.accepted(),
                        summary.rejected(),
                        summary.blank(),
                        Optional.of(rejectsKey),
                        Optional.empty()));
    }

    @Override
    public synchronized void refused(String manifestId, String reason, Instant at) {
        statuses.put(
                manifestId,
                new IntakeStatus(
                        manifestId, IntakeStatus.State.REFUSED, 0, 0, 0, 0, Optional.empty(), Optional.of(reason)));
    }

    @Override
    public synchronized Optional<IntakeStatus> find(String manifestId) {
        return Optional.ofNullable(statuses.get(manifestId));
    }

    public synchronized Optional<ManifestSummary> summary(String manifestId) {
        return Optional.ofNullable(summaries.get(manifestId));
    }

    public synchronized List<String> opened() {
        return List.copyOf(opened);
    }
}
