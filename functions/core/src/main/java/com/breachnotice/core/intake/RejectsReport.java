package com.breachnotice.core.intake;

import com.breachnotice.core.manifest.Rejection;
import java.io.IOException;
import java.util.List;

/**
 * Writes the rejects of one manifest beside it, as CSV {@code line,customer_id,reason}: each range
 * writes its part, and the worker that finishes the manifest assembles the parts into one report in
 * line order.
 */
public interface RejectsReport {

    /** Writes (or rewrites) the part of one range; {@code rejections} are in line order. */
    void writePart(String bucket, String manifestKey, String manifestId, int range, List<Rejection> rejections);

    /** Merges the parts of ranges {@code 0..ranges-1} into the report; returns the report's key. */
    String assemble(String bucket, String manifestKey, String manifestId, int ranges) throws IOException;
}
