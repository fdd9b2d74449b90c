package com.breachnotice.core.intake;

import com.breachnotice.core.manifest.ManifestSummary;
import java.time.Instant;
import java.util.Optional;

/** One record per manifest upload: whether it is loaded, and its counts. */
public interface IntakeLedger {

    void opened(ManifestUpload upload, int ranges, Instant at);

    void finished(String manifestId, ManifestSummary summary, String rejectsKey, Instant at);

    /** A file-level error: nothing of the file was loaded. */
    void refused(String manifestId, String reason, Instant at);

    Optional<IntakeStatus> find(String manifestId);
}
