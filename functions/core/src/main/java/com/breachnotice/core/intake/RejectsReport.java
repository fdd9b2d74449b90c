package com.breachnotice.core.intake;

import com.breachnotice.core.manifest.Rejection;
import java.util.List;

/** Writes the rejects of one manifest beside it, as CSV {@code line,customer_id,reason}. */
public interface RejectsReport {

    /** Returns the key the report was written to. */
    String write(String bucket, String manifestKey, List<Rejection> rejections);
}
