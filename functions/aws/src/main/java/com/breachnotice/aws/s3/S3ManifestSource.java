package com.breachnotice.aws.s3;

import com.breachnotice.core.intake.ManifestSource;
import java.io.InputStream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link ManifestSource} on S3: a ranged {@code GetObject} ({@code Range: bytes=start-(end-1)}),
 * streamed, never loaded whole into memory. The caller closes the stream, which frees the connection.
 */
public final class S3ManifestSource implements ManifestSource {

    private final S3Client s3;

    public S3ManifestSource(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public InputStream open(String bucket, String key, long start, long end) {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("a byte range is [start, end) with 0 <= start <= end");
        }
        if (end == start) {
            // HTTP has no empty range ("bytes=5-4" is invalid), and an empty range reads nothing anyway.
            return InputStream.nullInputStream();
        }
        return s3.getObject(b -> b.bucket(bucket).key(key).range(range(start, end)));
    }

    static String range(long start, long end) {
        return "bytes=" + start + "-" + (end - 1);
    }
}
