package com.breachnotice.aws.s3;

import com.breachnotice.core.intake.RejectsCsv;
import com.breachnotice.core.intake.RejectsReport;
import com.breachnotice.core.manifest.Rejection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link RejectsReport} on S3: each range's part is the CSV of {@link RejectsCsv#render} at
 * {@link RejectsCsv#partKeyFor}; the report at {@link RejectsCsv#keyFor}, beside the manifest, is the
 * streaming merge of the parts in line order, spooled through a temporary file (a hostile manifest
 * can reject every row, so the report is not held in memory). No SSE parameters: the bucket's default
 * encryption (SSE-KMS with the contact key, see template.yaml) applies, so the policy lives in one
 * place; the parts expire with the bucket's lifecycle rule like the report.
 */
public final class S3RejectsReport implements RejectsReport {

    private static final String CONTENT_TYPE = "text/csv; charset=utf-8";

    private final S3Client s3;

    public S3RejectsReport(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public void writePart(String bucket, String manifestKey, String manifestId, int range, List<Rejection> rejections) {
        String key = RejectsCsv.partKeyFor(manifestKey, manifestId, range);
        byte[] csv = RejectsCsv.render(rejections).getBytes(StandardCharsets.UTF_8);
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(CONTENT_TYPE), RequestBody.fromBytes(csv));
    }

    @Override
    public String assemble(String bucket, String manifestKey, String manifestId, int ranges) throws IOException {
        String key = RejectsCsv.keyFor(manifestKey);
        Path spool = Files.createTempFile("rejects", ".csv");
        List<BufferedReader> parts = new ArrayList<>(ranges);
        try {
            for (int range = 0; range < ranges; range++) {
                String part = RejectsCsv.partKeyFor(manifestKey, manifestId, range);
                parts.add(new BufferedReader(
                        new InputStreamReader(s3.getObject(b -> b.bucket(bucket).key(part)), StandardCharsets.UTF_8)));
            }
            try (Writer out = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
                RejectsCsv.merge(parts, out);
            }
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(CONTENT_TYPE), RequestBody.fromFile(spool));
            return key;
        } finally {
            for (BufferedReader part : parts) {
                part.close();
            }
            Files.deleteIfExists(spool);
        }
    }
}
