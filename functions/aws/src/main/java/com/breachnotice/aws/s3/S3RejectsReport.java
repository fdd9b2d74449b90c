package com.breachnotice.aws.s3;

import com.breachnotice.core.intake.RejectsCsv;
import com.breachnotice.core.intake.RejectsReport;
import com.breachnotice.core.manifest.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link RejectsReport} on S3: the CSV of {@link RejectsCsv#render} at {@link RejectsCsv#keyFor},
 * beside the manifest. No SSE parameters: the bucket's default encryption (SSE-KMS with the contact
 * key, see template.yaml) applies, so the policy lives in one place.
 */
public final class S3RejectsReport implements RejectsReport {

    private final S3Client s3;

    public S3RejectsReport(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public String write(String bucket, String manifestKey, List<Rejection> rejections) {
        String key = RejectsCsv.keyFor(manifestKey);
        byte[] csv = RejectsCsv.render(rejections).getBytes(StandardCharsets.UTF_8);
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("text/csv; charset=utf-8"), RequestBody.fromBytes(csv));
        return key;
    }
}
