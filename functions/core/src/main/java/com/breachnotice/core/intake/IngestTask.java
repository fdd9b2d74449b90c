package com.breachnotice.core.intake;

/**
 * One byte range of a manifest for one intake worker: [{@code start}, {@code end}), which starts at
 * a record start on physical line {@code firstLine}. The worker reads exactly the records that start
 * inside it. {@code header} is the manifest's header line, so no worker reads line 1 again;
 * {@code range} counts from 0 to {@code ranges - 1}.
 */
public record IngestTask(
        String manifestId,
        String bucket,
        String key,
        long start,
        long end,
        long firstLine,
        int range,
        int ranges,
        String header) {

    public IngestTask {
        if (start < 0 || end < start || firstLine < 2 || range < 0 || range >= ranges) {
            throw new IllegalArgumentException("not a valid manifest range");
        }
    }

    @Override
    public String toString() {
        return "IngestTask[" + manifestId + " range " + range + "/" + ranges + " bytes " + start + "-" + end + "]";
    }
}
