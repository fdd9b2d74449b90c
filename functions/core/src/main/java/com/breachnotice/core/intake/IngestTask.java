package com.breachnotice.core.intake;

/**
 * A byte range of a manifest for one intake worker: [{@code start}, {@code end}). A worker reads
 * the records that start inside its range.
 */
public record IngestTask(String manifestId, String bucket, String key, long start, long end) {}
