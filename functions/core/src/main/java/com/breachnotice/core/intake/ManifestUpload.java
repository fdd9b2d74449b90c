package com.breachnotice.core.intake;

/**
 * A manifest object that arrived in the bucket. The id ties every count and report to this exact
 * version of the object, so the same upload processed twice is recognised as the same.
 */
public record ManifestUpload(String bucket, String key, long size, String etag) {

    public String manifestId() {
        return key + "#" + etag;
    }
}
