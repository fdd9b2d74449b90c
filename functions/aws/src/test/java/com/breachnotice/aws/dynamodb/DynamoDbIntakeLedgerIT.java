package com.breachnotice.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.intake.IntakeStatus;
import com.breachnotice.core.intake.ManifestUpload;
import com.breachnotice.core.intake.RangeOutcome;
import com.breachnotice.core.manifest.ManifestSummary;
import com.breachnotice.core.manifest.RejectReason;
import com.breachnotice.core.manifest.Rejection;
import com.breachnotice.emulator.ProvisionedStack;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DynamoDbIntakeLedgerIT {

    private static final Instant AT = Instant.parse("2025-03-01T09:00:00Z");

    private static DynamoDbIntakeLedger ledger;

    @BeforeAll
    static void provision() {
        ProvisionedStack stack = TestStacks.provision(DynamoDbIntakeLedgerIT.class);
        ledger = new DynamoDbIntakeLedger(TestStacks.clients().dynamoDb(), stack.physicalId("IntakeTable"));
    }

    @Test
    void opened_thenFinished_recordsCounts_andReopeningKeepsThem() {
        ManifestUpload upload = new ManifestUpload("bucket", "manifests/a.csv", 1234, "etag-1");
        ledger.opened(upload, 1, AT);
        assertThat(ledger.find(upload.manifestId()).orElseThrow().state()).isEqualTo(IntakeStatus.State.LOADING);

        ManifestSummary summary =
                new ManifestSummary(10, 2, 8, 2, 1, 0, 0, Map.of(RejectReason.INVALID_EMAIL, 2L), List.of());
        ledger.finished(upload.manifestId(), summary, "rejects/a.csv.rejects.csv", AT.plusSeconds(5));
        ledger.opened(upload, 1, AT.plusSeconds(9));

        assertThat(ledger.find(upload.manifestId()))
                .contains(new IntakeStatus(
                        upload.manifestId(),
                        IntakeStatus.State.LOADED,
                        10,
                        8,
                        2,
                        2,
                        Optional.of("rejects/a.csv.rejects.csv"),
                        Optional.empty()));
    }

    @Test
    void rangeFinished_lastOfThreeRanges_returnsEveryRangeInOrder_andARepeatDoesNotDoubleCount() {
        ManifestUpload upload = new ManifestUpload("bucket", "manifests/ranges.csv", 999, "etag-3");
        ledger.opened(upload, 3, AT);
        ManifestSummary first =
                new ManifestSummary(4, 1, 3, 1, 0, 1, 0, Map.of(RejectReason.INVALID_EMAIL, 1L), List.of("note"));
        ManifestSummary second = new ManifestSummary(2, 0, 2, 0, 1, 0, 0, Map.of(), List.of("note"));
        ManifestSummary third =
                new ManifestSummary(3, 0, 1, 2, 0, 0, 2, Map.of(RejectReason.CONFLICTING_CONTACT, 2L), List.of("note"));

        RangeOutcome a = new RangeOutcome(first, Map.of(), List.of(), Set.of());
        RangeOutcome b = new RangeOutcome(
                second,
                Map.of("c,9", Set.of(2L, 40L)),
                List.of(new Rejection(3, "c7", RejectReason.CONFLICTING_CONTACT)),
                Set.of(3L));
        RangeOutcome c = new RangeOutcome(
                third, Map.of(), List.of(new Rejection(70, "c8", RejectReason.CONFLICTING_CONTACT)), Set.of());

        assertThat(ledger.rangeFinished(upload.manifestId(), 2, 3, c, AT)).isEmpty();
        assertThat(ledger.rangeFinished(upload.manifestId(), 0, 3, a, AT)).isEmpty();
        assertThat(ledger.rangeFinished(upload.manifestId(), 0, 3, a, AT)).isEmpty();
        assertThat(ledger.rangeFinished(upload.manifestId(), 1, 3, b, AT)).contains(List.of(a, b, c));
    }

    @Test
    void refused_recordsTheReason() {
        ManifestUpload upload = new ManifestUpload("bucket", "manifests/bad.csv", 10, "etag-2");
        ledger.opened(upload, 1, AT);
        ledger.refused(upload.manifestId(), "missing header customer_id", AT);

        IntakeStatus status = ledger.find(upload.manifestId()).orElseThrow();
        assertThat(status.state()).isEqualTo(IntakeStatus.State.REFUSED);
        assertThat(status.error()).contains("missing header customer_id");
        assertThat(ledger.find("never-opened")).isEmpty();
    }
}
