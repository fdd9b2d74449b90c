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
import com.breachnotice.core.intake.RangeOutcome;
import com.breachnotice.core.manifest.ManifestSummary;
import com.breachnotice.core.manifest.RejectReason;
import com.breachnotice.core.manifest.Rejection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * {@link IntakeLedger} on the intake table: one item per manifest upload ({@code manifestId} =
 * key#etag) and one per range ({@code manifestId} = key#etag + {@code #range#<n>}). {@code opened}
 * never resets a finished upload (a repeated S3 event opens it again).
 *
 * <p>A range's outcome (its reader's counts, and the lines merged or refused across ranges, see
 * {@link RangeOutcome}) is SET on its own item, so a range loaded twice rewrites its numbers instead
 * of adding them twice; then the range's number is ADDed to the number set {@code doneRanges} of the
 * manifest item, which returns the set after the write: the writer that completes it reads the
 * range items (BatchGetItem, strongly consistent) and finishes the manifest. Two writers may both
 * see a complete set (a redelivered range); finishing twice writes the same result.
 */
public final class DynamoDbIntakeLedger implements IntakeLedger {

    private final DynamoDbClient dynamoDb;
    private final DynamoDbBatches batches;
    private final String intakeTable;

    public DynamoDbIntakeLedger(DynamoDbClient dynamoDb, String intakeTable) {
        this.dynamoDb = dynamoDb;
        this.batches = new DynamoDbBatches(dynamoDb);
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
    public Optional<List<RangeOutcome>> rangeFinished(
            String manifestId, int range, int ranges, RangeOutcome outcome, Instant at) {
        ManifestSummary summary = outcome.read();
        Map<String, AttributeValue> merged = new HashMap<>();
        outcome.mergedLines()
                .forEach((customer, lines) -> merged.put(
                        customer,
                        AttributeValue.fromNs(
                                lines.stream().map(String::valueOf).toList())));
        List<AttributeValue> refused = outcome.refused().stream()
                .map(rejection -> AttributeValue.fromM(Map.of(
                        "line", n(rejection.line()),
                        "customerId", s(rejection.customerId()),
                        "repeat",
                                AttributeValue.fromBool(outcome.refusedRepeats().contains(rejection.line())))))
                .toList();
        Map<String, AttributeValue> reasons = new HashMap<>();
        summary.reasons().forEach((reason, count) -> reasons.put(reason.code(), n(count)));
        Expression e = new Expression()
                .set("rows", n(summary.rows()))
                .set("blank", n(summary.blank()))
                .set("accepted", n(summary.accepted()))
                .set("rejected", n(summary.rejected()))
                .set("merged", n(summary.merged()))
                .set("droppedEmails", n(summary.droppedEmails()))
                .set("droppedPhones", n(summary.droppedPhones()))
                .set("reasons", AttributeValue.fromM(reasons))
                .set(
                        "unknownColumns",
                        AttributeValue.fromL(summary.unknownColumns().stream()
                                .map(Attributes::s)
                                .toList()))
                .set("mergedLines", AttributeValue.fromM(merged))
                .set("refused", AttributeValue.fromL(refused))
                .set("updatedAt", millis(at));
        update(rangeId(manifestId, range), e);
        UpdateItemResponse done = dynamoDb.updateItem(b -> b.tableName(intakeTable)
                .key(Map.of("manifestId", s(manifestId)))
                .updateExpression("ADD #done :range")
                .expressionAttributeNames(Map.of("#done", "doneRanges"))
                .expressionAttributeValues(Map.of(":range", AttributeValue.fromNs(List.of(Integer.toString(range)))))
                .returnValues(ReturnValue.ALL_NEW));
        AttributeValue doneRanges = done.attributes().get("doneRanges");
        if (doneRanges == null || !doneRanges.hasNs() || doneRanges.ns().size() < ranges) {
            return Optional.empty();
        }
        return Optional.of(readRanges(manifestId, ranges));
    }

    private List<RangeOutcome> readRanges(String manifestId, int ranges) {
        Map<String, RangeOutcome> byId = new HashMap<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int range = 0; range < ranges; range++) {
            keys.add(Map.of("manifestId", s(rangeId(manifestId, range))));
        }
        batches.get(
                intakeTable,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build(),
                item -> byId.put(requiredString(item, "manifestId"), rangeOutcome(item)));
        List<RangeOutcome> summaries = new ArrayList<>(ranges);
        for (int range = 0; range < ranges; range++) {
            RangeOutcome summary = byId.get(rangeId(manifestId, range));
            if (summary == null) {
                throw new IllegalStateException("range " + range + " is marked done but has no counts");
            }
            summaries.add(summary);
        }
        return summaries;
    }

    private static RangeOutcome rangeOutcome(Map<String, AttributeValue> item) {
        Map<String, Set<Long>> mergedLines = new HashMap<>();
        AttributeValue merged = item.get("mergedLines");
        if (merged != null && merged.hasM()) {
            merged.m()
                    .forEach((customer, lines) -> mergedLines.put(
                            customer,
                            lines.ns().stream().map(Long::parseLong).collect(java.util.stream.Collectors.toSet())));
        }
        List<Rejection> refused = new ArrayList<>();
        Set<Long> refusedRepeats = new HashSet<>();
        AttributeValue stored = item.get("refused");
        if (stored != null && stored.hasL()) {
            for (AttributeValue value : stored.l()) {
                Map<String, AttributeValue> one = value.m();
                long line = Long.parseLong(requiredNumberText(one, "line"));
                refused.add(new Rejection(line, requiredString(one, "customerId"), RejectReason.CONFLICTING_CONTACT));
                if (Boolean.TRUE.equals(one.getOrDefault("repeat", AttributeValue.fromBool(false))
                        .bool())) {
                    refusedRepeats.add(line);
                }
            }
        }
        return new RangeOutcome(rangeSummary(item), mergedLines, refused, refusedRepeats);
    }

    private static String requiredNumberText(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new IllegalStateException("stored item lacks number attribute " + name);
        }
        return value.n();
    }

    private static ManifestSummary rangeSummary(Map<String, AttributeValue> item) {
        Map<RejectReason, Long> reasons = new EnumMap<>(RejectReason.class);
        AttributeValue stored = item.get("reasons");
        if (stored != null && stored.hasM()) {
            for (RejectReason reason : RejectReason.values()) {
                AttributeValue count = stored.m().get(reason.code());
                if (count != null && count.n() != null) {
                    reasons.put(reason, Long.parseLong(count.n()));
                }
            }
        }
        AttributeValue unknown = item.get("unknownColumns");
        List<String> unknownColumns = unknown != null && unknown.hasL()
                ? unknown.l().stream().map(AttributeValue::s).toList()
                : List.of();
        return new ManifestSummary(
                number(item, "rows").orElse(0L),
                number(item, "blank").orElse(0L),
                number(item, "accepted").orElse(0L),
                number(item, "rejected").orElse(0L),
                number(item, "merged").orElse(0L),
                number(item, "droppedEmails").orElse(0L),
                number(item, "droppedPhones").orElse(0L),
                reasons,
                unknownColumns);
    }

    static String rangeId(String manifestId, int range) {
        return manifestId + "#range#" + range;
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
                .set("subjects", n(summary.subjects()))
                .set("droppedEmails", n(summary.droppedEmails()))
                .set("droppedPhones", n(summary.droppedPhones()))
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
