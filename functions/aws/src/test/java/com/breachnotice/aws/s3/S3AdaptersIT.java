package com.breachnotice.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.manifest.RejectReason;
import com.breachnotice.core.manifest.Rejection;
import com.breachnotice.emulator.ProvisionedStack;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

class S3AdaptersIT {

    private static final String CONTENT = "customer_id,email\n1,a@example.com\n2,b@example.com\n";

    private static S3Client s3;
    private static String bucket;

    @BeforeAll
    static void provision() {
        ProvisionedStack stack = TestStacks.provision(S3AdaptersIT.class);
        s3 = TestStacks.clients().s3();
        bucket = stack.physicalId("ManifestBucket");
        // moto enforces the template's DenyInsecureTransport statement, and the emulator speaks plain
        // HTTP: without this every object call is a 403. The bucket keeps its default encryption.
        s3.deleteBucketPolicy(b -> b.bucket(bucket));
        s3.putObject(b -> b.bucket(bucket).key("manifests/a.csv"), RequestBody.fromString(CONTENT));
    }

    @Test
    void open_readsExactlyTheRange() throws IOException {
        S3ManifestSource source = new S3ManifestSource(s3);

        assertThat(read(source.open(bucket, "manifests/a.csv", 18, 34))).isEqualTo(CONTENT.substring(18, 34));
        assertThat(read(source.open(bucket, "manifests/a.csv", 0, CONTENT.length())))
                .isEqualTo(CONTENT);
        assertThat(read(source.open(bucket, "manifests/a.csv", 7, 7))).isEmpty();
    }

    @Test
    void assemble_partsOfRanges_oneCsvBesideTheManifestInLineOrder() throws IOException {
        S3RejectsReport report = new S3RejectsReport(s3);
        String id = "manifests/a.csv#etag";
        report.writePart(
                bucket, "manifests/a.csv", id, 0, List.of(new Rejection(3, "=cmd", RejectReason.INVALID_EMAIL)));
        report.writePart(bucket, "manifests/a.csv", id, 1, List.of());
        // A part may hold a lower line of another range: one that a lower line displaced.
        report.writePart(
                bucket,
                "manifests/a.csv",
                id,
                2,
                List.of(
                        new Rejection(2, "c,1", RejectReason.CONFLICTING_CONTACT),
                        new Rejection(9, "", RejectReason.MALFORMED_QUOTING)));

        String key = report.assemble(bucket, "manifests/a.csv", id, 3);

        assertThat(key).isEqualTo("rejects/a.csv.rejects.csv");
        ResponseBytes<GetObjectResponse> stored =
                s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
        // The formula-looking id is defused with a quote, and the cell quoted because of it.
        assertThat(stored.asUtf8String())
                .isEqualTo("line,customer_id,reason\n2,\"c,1\",conflicting_contact\n3,\"'=cmd\",invalid_email\n"
                        + "9,,malformed_quoting\n");
        assertThat(stored.response().contentType()).startsWith("text/csv");
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
