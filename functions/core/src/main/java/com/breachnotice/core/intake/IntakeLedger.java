package com.breachnotice.core.intake;

import com.breachnotice.core.manifest.ManifestSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One record per manifest upload (whether it is loaded, and its counts), and one per range. */
public interface IntakeLedger {

    void opened(ManifestUpload upload, int ranges, Instant at);

    /**
     * Records the outcome of one range (again, if the range is loaded again: it replaces the earlier
     * one). Returns the outcomes of every range, in range order, once all {@code ranges} are recorded:
     * the caller then finishes the manifest. More than one caller may see them (a range loaded
     * twice); finishing is idempotent.
     */
    Optional<List<RangeOutcome>> rangeFinished(
            String manifestId, int range, int ranges, RangeOutcome outcome, Instant at);

    void finished(String manifestId, ManifestSummary summary, String rejectsKey, Instant at);

    /** A file-level error: nothing of the file was loaded. */
    void refused(String manifestId, String reason, Instant at);

    Optional<IntakeStatus> find(String manifestId);
}
