package com.breachnotice.aws.dynamodb;

import static com.breachnotice.aws.dynamodb.Attributes.millis;
import static com.breachnotice.aws.dynamodb.Attributes.n;
import static com.breachnotice.aws.dynamodb.Attributes.number;
import static com.breachnotice.aws.dynamodb.Attributes.requiredString;
import static com.breachnotice.aws.dynamodb.Attributes.s;
import static com.breachnotice.aws.dynamodb.Attributes.string;

import com.breachnotice.core.intake.IntakeLedger;
import com.breachnotice.core.intake.IntakeStatus;
import com.breachnotice.core.intake.ManifestUpload;
import com.breachnotice.core.manifest.ManifestSummary;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * {@link IntakeLedger} on the intake table, one item per manifest upload ({@code manifestId} =
 * key#etag). {@code opened} never resets a finished upload (a repeated S3 event opens it again);
 * {@code finished} sets the counts of the whole manifest, so a redelivered ingest task rewrites the
 * same numbers instead of adding them twice. Splitting one manifest into several ranges will need
 * per-range items and a sum; the foundation reads a manifest in one range.
 */
public final class DynamoDbIntakeLedger implements IntakeLedger {

    private final DynamoDbClient dynamoDb;
    private final String intakeTable;

    public DynamoDbIntakeLedger(DynamoDbClient dynamoDb, String intakeTable) {
        this.dynamoDb = dynamoDb;
        this.intakeTable = intakeTable;
    }

    @Override
    public void opened(ManifestUpload upload, int ranges, Instant at) {
        Expression e = new Expression()
                .setIfAbsent("status", s(code(IntakeStatus.State.LOADING)))
                .setIfAbsent("openedAt", millis(at))
                .set("bucket", s(upload.bucket()))
                .set("objectKey", s(upload.key()))
                .set("size", n(upload.size()))
                .set("ranges", n(ranges))
                .set("updatedAt", millis(at));
        update(upload.manifestId(), e);
    }

    @Override
    public void finished(String manifestId, ManifestSummary summary, String rejectsKey, Instant at) {
        Expression e = new Expression()
                .set("status", s(code(IntakeStatus.State.LOADED)))
                .set("rows", n(summary.rows()))
                .set("accepted", n(summary.accepted()))
                .set("rejected", n(summary.rejected()))
                .set("blank", n(summary.blank()))
                .set("merged", n(summary.merged()))
                .set("rejectsKey", s(rejectsKey))
                .set("updatedAt", millis(at))
                .remove("error");
        update(manifestId, e);
    }

    @Override
    public void refused(String manifestId, String reason, Instant at) {
        Expression e = new Expression()
                .set("status", s(code(IntakeStatus.State.REFUSED)))
                .set("error", s(reason))
                .set("updatedAt", millis(at));
        update(manifestId, e);
    }

    @Override
    public Optional<IntakeStatus> find(String manifestId) {
        GetItemResponse response = dynamoDb.getItem(b -> b.tableName(intakeTable)
                .key(Map.of("manifestId", s(manifestId)))
                .consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new IntakeStatus(
                requiredString(item, "manifestId"),
                IntakeStatus.State.valueOf(requiredString(item, "status").toUpperCase(Locale.ROOT)),
                number(item, "rows").orElse(0L),
                number(item, "accepted").orElse(0L),
                number(item, "rejected").orElse(0L),
                number(item, "blank").orElse(0L),
                string(item, "rejectsKey"),
                string(item, "error")));
    }

    private void update(String manifestId, Expression e) {
        dynamoDb.updateItem(b -> b.tableName(intakeTable)
                .key(Map.of("manifestId", s(manifestId)))
                .updateExpression(e.update())
                .expressionAttributeNames(e.names())
                .expressionAttributeValues(e.values()));
    }

    private static String code(IntakeStatus.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
