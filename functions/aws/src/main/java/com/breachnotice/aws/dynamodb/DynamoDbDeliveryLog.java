package com.breachnotice.aws.dynamodb;

import static com.breachnotice.aws.dynamodb.Attributes.instant;
import static com.breachnotice.aws.dynamodb.Attributes.millis;
import static com.breachnotice.aws.dynamodb.Attributes.requiredString;
import static com.breachnotice.aws.dynamodb.Attributes.s;
import static com.breachnotice.aws.dynamodb.Attributes.string;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.delivery.CampaignDeliveries;
import com.breachnotice.core.delivery.ClaimOutcome;
import com.breachnotice.core.delivery.Delivery;
import com.breachnotice.core.delivery.DeliveryClaims;
import com.breachnotice.core.delivery.DeliveryHistory;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryRecorder;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.DeliveryStatusUpdates;
import com.breachnotice.core.delivery.NoticeProof;
import com.breachnotice.core.delivery.SmsMessageIndex;
import com.breachnotice.core.delivery.StatusChange;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The proof of notice on the deliveries table (key {@code contactKey}, {@code notice =
 * <campaignId>#<channel>}), where exactly-once is decided. One adapter serves every role of the
 * table ({@link DeliveryClaims}, {@link DeliveryRecorder}, {@link DeliveryStatusUpdates},
 * {@link DeliveryHistory}); each function is given only the roles it needs.
 *
 * <ul>
 *   <li>{@code claim} is a conditional put: it succeeds only when the delivery does not exist or is
 *       still {@code sending} with a lease that ran out. It writes a fresh random claim token; a
 *       failed condition is answered by a consistent read (settled, or held by someone else).
 *   <li>{@code release} is conditioned on that token and on {@code sending}, so only the current
 *       holder can give back a claim.
 *   <li>{@code advance} is conditioned on the stored status being one of lower rank, so statuses only
 *       move up whatever order provider events arrive in.
 * </ul>
 *
 * Under job claims ({@link DeliveryRecorder}) the sender writes a job's records after the send with
 * {@code BatchWriteItem} ({@link DynamoDbBatches}: 25 a request, unprocessed items retried under the
 * one batch policy), unconditionally: the job's claim covers them. A provider
 * event reaching a delivery before its record exists finds nothing to advance ({@code advance} needs
 * the item); SES reports seconds after the send, the record follows the send within milliseconds.
 *
 * <p>Times are stored as epoch milliseconds ({@code leaseUntil}, {@code updatedAt}, {@code sentAt}).
 *
 * <p>Status history: {@code history} is a list of {@code {status, at}} maps, oldest first. A record
 * (and an unreachable delivery) starts it with its own status; {@code advance} appends to it with
 * {@code list_append} in the same conditional update that changes the status, so the two never
 * disagree. It is bounded by {@link StatusChange#HISTORY_LIMIT}: statuses only move up in rank, so a
 * delivery takes at most one entry per rank and the limit is never reached in normal use; past it,
 * the status still moves, nothing is appended, and {@code historyCut} is set.
 *
 * <p>SMS results name only SNS's message id: an SMS record also carries it as {@code smsMessageId},
 * the key of the sparse, keys-only index {@value #BY_SMS_MESSAGE} (emails never enter it), which
 * costs one index write of about 100 bytes per SMS sent.
 */
public final class DynamoDbDeliveryLog
        implements DeliveryClaims,
                DeliveryRecorder,
                DeliveryStatusUpdates,
                DeliveryHistory,
                CampaignDeliveries,
                SmsMessageIndex {

    static final String BY_REFERENCE = "byReference";
    static final String BY_SMS_MESSAGE = "bySmsMessage";
    private static final int CLAIM_ATTEMPTS = 3;

    private final DynamoDbClient dynamoDb;
    private final DynamoDbBatches batches;
    private final String deliveryTable;
    private final Supplier<String> tokens;
    private final @Nullable String counterTable;

    public DynamoDbDeliveryLog(DynamoDbClient dynamoDb, String deliveryTable) {
        this(dynamoDb, deliveryTable, () -> UUID.randomUUID().toString(), null);
    }

    /**
     * A log whose {@code advance} also moves the campaign's counters ({@link DynamoDbCampaignCounters}
     * on {@code campaignTable}) in the same transaction: the events function's.
     */
    public DynamoDbDeliveryLog(DynamoDbClient dynamoDb, String deliveryTable, String campaignTable) {
        this(dynamoDb, deliveryTable, () -> UUID.randomUUID().toString(), campaignTable);
    }

    DynamoDbDeliveryLog(DynamoDbClient dynamoDb, String deliveryTable, Supplier<String> tokens) {
        this(dynamoDb, deliveryTable, tokens, null);
    }

    DynamoDbDeliveryLog(
            DynamoDbClient dynamoDb, String deliveryTable, Supplier<String> tokens, @Nullable String counterTable) {
        this.dynamoDb = dynamoDb;
        this.batches = new DynamoDbBatches(dynamoDb);
        this.deliveryTable = deliveryTable;
        this.tokens = tokens;
        this.counterTable = counterTable;
    }

    @Override
    public ClaimOutcome claim(DeliveryId id, String referenceHash, Instant now, Instant leaseUntil) {
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            String token = tokens.get();
            try {
                dynamoDb.putItem(claimRequest(id, token, referenceHash, now, leaseUntil));
                return new ClaimOutcome.Claimed(token);
            } catch (ConditionalCheckFailedException taken) {
                Optional<Map<String, AttributeValue>> item = read(id);
                if (item.isEmpty()) {
                    continue; // released between our put and our read: try again
                }
                DeliveryStatus status = status(item.get());
                if (status != DeliveryStatus.SENDING) {
                    return new ClaimOutcome.AlreadySettled(status);
                }
                return new ClaimOutcome.HeldElsewhere(
                        instant(item.get(), "leaseUntil").orElse(leaseUntil));
            }
        }
        throw new IllegalStateException("the claim of " + id.contact() + " " + id.notice() + " kept racing");
    }

    @Override
    public void record(List<DeliveryRecord> records) {
        batches.put(
                deliveryTable,
                records.stream().map(DynamoDbDeliveryLog::recordItem).toList());
    }

    static Map<String, AttributeValue> recordItem(DeliveryRecord record) {
        Map<String, AttributeValue> item = new HashMap<>(key(record.id()));
        item.put("campaignId", s(record.id().campaignId()));
        item.put("channel", s(record.id().channel().code()));
        item.put("status", s(record.status().code()));
        item.put("referenceHash", s(record.referenceHash()));
        item.put("updatedAt", millis(record.at()));
        if (providerTook(record.status())) {
            item.put("sentAt", millis(record.at()));
        }
        record.providerMessageId().ifPresent(id -> item.put("providerMessageId", s(id)));
        if (record.id().channel() == Channel.SMS) {
            record.providerMessageId().ifPresent(id -> item.put("smsMessageId", s(id)));
        }
        item.put("history", AttributeValue.fromL(List.of(historyEntry(record.status(), record.at()))));
        record.reason().ifPresent(reason -> item.put("reason", s(reason)));
        record.told().ifPresent(told -> {
            item.put("noticeName", s(told.notice()));
            item.put("noticeVersion", s(told.version()));
            item.put("items", s(told.items().stream().map(ItemKind::code).collect(Collectors.joining(","))));
            item.put("locale", s(told.locale().code()));
            item.put("messageHash", s(told.messageSha256()));
        });
        // In the same item of the same batch: the genuineness check reads it through the reference index.
        record.recipientMask().ifPresent(mask -> item.put(DynamoDbRecipientMasks.ATTRIBUTE, s(mask)));
        return item;
    }

    /** What the person was told, when the record keeps it (records written before it was kept do not). */
    private static Optional<NoticeProof> told(Map<String, AttributeValue> item) {
        Optional<String> hash = string(item, "messageHash");
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        List<ItemKind> items = new ArrayList<>();
        for (String code : string(item, "items").orElse("").split(",")) {
            if (!code.isEmpty()) {
                items.add(ItemKind.ofCode(code).orElseThrow(() -> new IllegalStateException("unknown item " + code)));
            }
        }
        return Optional.of(new NoticeProof(
                requiredString(item, "noticeName"),
                requiredString(item, "noticeVersion"),
                items,
                NoticeLocale.ofCode(requiredString(item, "locale"))
                        .orElseThrow(() -> new IllegalStateException("unknown locale")),
                hash.get()));
    }

    /** One {@code BatchGetItem} of both channels' records, projected to what they told. */
    @Override
    public Map<ContactKey, Set<ItemKind>> itemsTold(String campaignId, List<ContactKey> contacts) {
        if (contacts.size() > ITEMS_TOLD_BATCH) {
            throw new IllegalArgumentException("at most " + ITEMS_TOLD_BATCH + " contacts a call");
        }
        Map<ContactKey, Set<ItemKind>> told = new LinkedHashMap<>();
        if (contacts.isEmpty()) {
            return told;
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (ContactKey contact : new LinkedHashSet<>(contacts)) {
            for (Channel channel : Channel.values()) {
                keys.add(key(new DeliveryId(contact, campaignId, channel)));
            }
        }
        KeysAndAttributes read = KeysAndAttributes.builder()
                .keys(keys)
                .projectionExpression("contactKey, #i, messageHash, noticeName, noticeVersion, #l")
                .expressionAttributeNames(Map.of("#i", "items", "#l", "locale"))
                .build();
        batches.get(
                deliveryTable,
                read,
                item -> told(item)
                        .ifPresent(proof -> told.computeIfAbsent(
                                        new ContactKey(requiredString(item, "contactKey")),
                                        c -> EnumSet.noneOf(ItemKind.class))
                                .addAll(proof.items())));
        return told;
    }

    @Override
    public Map<DeliveryId, DeliveryStatus> recorded(List<DeliveryId> ids) {
        Map<String, DeliveryId> byKey = new HashMap<>();
        ids.forEach(id -> byKey.put(id.contact().value() + "|" + id.notice(), id));
        KeysAndAttributes read = KeysAndAttributes.builder()
                .keys(byKey.values().stream().map(DynamoDbDeliveryLog::key).toList())
                .consistentRead(true)
                .projectionExpression("contactKey, #n, #s")
                .expressionAttributeNames(Map.of("#n", "notice", "#s", "status"))
                .build();
        Map<DeliveryId, DeliveryStatus> found = new LinkedHashMap<>();
        batches.get(deliveryTable, read, item -> {
            DeliveryId id = byKey.get(requiredString(item, "contactKey") + "|" + requiredString(item, "notice"));
            DeliveryStatus status = status(item);
            if (id != null && status != DeliveryStatus.SENDING) {
                found.put(id, status);
            }
        });
        return found;
    }

    PutItemRequest claimRequest(DeliveryId id, String token, String referenceHash, Instant now, Instant leaseUntil) {
        Map<String, AttributeValue> item = new HashMap<>(key(id));
        item.put("campaignId", s(id.campaignId()));
        item.put("channel", s(id.channel().code()));
        item.put("status", s(DeliveryStatus.SENDING.code()));
        item.put("claimToken", s(token));
        item.put("leaseUntil", millis(leaseUntil));
        item.put("referenceHash", s(referenceHash));
        item.put("updatedAt", millis(now));
        return PutItemRequest.builder()
                .tableName(deliveryTable)
                .item(item)
                .conditionExpression("attribute_not_exists(#contactKey) OR (#status = :sending AND #leaseUntil < :now)")
                .expressionAttributeNames(
                        Map.of("#contactKey", "contactKey", "#status", "status", "#leaseUntil", "leaseUntil"))
                .expressionAttributeValues(Map.of(":sending", s(DeliveryStatus.SENDING.code()), ":now", millis(now)))
                .build();
    }

    @Override
    public void release(DeliveryId id, String claimToken) {
        try {
            dynamoDb.deleteItem(DeleteItemRequest.builder()
                    .tableName(deliveryTable)
                    .key(key(id))
                    .conditionExpression("#claimToken = :token AND #status = :sending")
                    .expressionAttributeNames(Map.of("#claimToken", "claimToken", "#status", "status"))
                    .expressionAttributeValues(
                            Map.of(":token", s(claimToken), ":sending", s(DeliveryStatus.SENDING.code())))
                    .build());
        } catch (ConditionalCheckFailedException notOurs) {
            // Settled, or claimed by another sender after our lease: nothing of ours to give back.
        }
    }

    @Override
    public boolean recordUnreachable(DeliveryId id, String reason, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(key(id));
        item.put("campaignId", s(id.campaignId()));
        item.put("channel", s(id.channel().code()));
        item.put("status", s(DeliveryStatus.FAILED.code()));
        item.put("reason", s(reason));
        item.put("updatedAt", millis(at));
        item.put("history", AttributeValue.fromL(List.of(historyEntry(DeliveryStatus.FAILED, at))));
        try {
            dynamoDb.putItem(PutItemRequest.builder()
                    .tableName(deliveryTable)
                    .item(item)
                    .conditionExpression("attribute_not_exists(contactKey)")
                    .build());
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public boolean advance(DeliveryId id, DeliveryStatus status, @Nullable String reason, Instant at) {
        String counters = counterTable;
        if (counters != null) {
            return advanceCounted(id, status, reason, at, counters);
        }
        Optional<UpdateItemRequest> request = advanceRequest(id, status, reason, at, true);
        if (request.isEmpty()) {
            return false;
        }
        try {
            dynamoDb.updateItem(request.get());
            return true;
        } catch (ConditionalCheckFailedException notForwardOrHistoryFull) {
            // Rare: tell a full history (move the status anyway, append nothing) from a status that
            // would not move forward (change nothing).
            Optional<Map<String, AttributeValue>> item = read(id);
            if (item.isEmpty()
                    || !status(item.get()).canAdvanceTo(status)
                    || history(item.get()).size() < StatusChange.HISTORY_LIMIT) {
                return false;
            }
            try {
                dynamoDb.updateItem(
                        advanceRequest(id, status, reason, at, false).orElseThrow());
                return true;
            } catch (ConditionalCheckFailedException notForward) {
                return false;
            }
        }
    }

    /**
     * Advances and moves the counters in one transaction: one less in the status it leaves, one more
     * in the one it reaches. The status left must be known, so the delivery is read first and the
     * update is conditioned on it too; a status that moved meanwhile is read again. A claim
     * ({@code sending}) was never counted: its job's completion counts what its record says.
     */
    private boolean advanceCounted(
            DeliveryId id, DeliveryStatus status, @Nullable String reason, Instant at, String counters) {
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            Optional<Map<String, AttributeValue>> item = read(id);
            if (item.isEmpty()) {
                return false;
            }
            DeliveryStatus was = status(item.get());
            if (!was.canAdvanceTo(status)) {
                return false;
            }
            Optional<UpdateItemRequest> request = advanceRequest(id, status, reason, at, true);
            if (request.isEmpty()) {
                return false;
            }
            UpdateItemRequest fromWas = request.get().toBuilder()
                    .conditionExpression(request.get().conditionExpression() + " AND #status = :was")
                    .expressionAttributeValues(with(request.get().expressionAttributeValues(), ":was", s(was.code())))
                    .build();
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(TransactWriteItem.builder()
                    .update(DynamoDbJobLedger.asUpdate(fromWas))
                    .build());
            if (was != DeliveryStatus.SENDING) {
                Map<String, Long> amounts = new LinkedHashMap<>();
                amounts.put(was.code(), -1L);
                amounts.put(status.code(), 1L);
                if (status == DeliveryStatus.FAILED) {
                    amounts.put(DynamoDbCampaignCounters.reasonName(reason == null ? "unknown" : reason), 1L);
                }
                DynamoDbCampaignCounters.add(counters, id.campaignId(), id.channel(), amounts)
                        .ifPresent(items::add);
            }
            if (CountedWrite.write(dynamoDb, items) instanceof CountedWrite.Outcome.Written) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, AttributeValue> with(
            Map<String, AttributeValue> values, String placeholder, AttributeValue value) {
        Map<String, AttributeValue> more = new HashMap<>(values);
        more.put(placeholder, value);
        return more;
    }

    Optional<UpdateItemRequest> advanceRequest(
            DeliveryId id, DeliveryStatus status, @Nullable String reason, Instant at, boolean append) {
        Expression e = new Expression();
        List<String> lower = new ArrayList<>();
        for (DeliveryStatus candidate : DeliveryStatus.values()) {
            if (candidate.canAdvanceTo(status)) {
                lower.add(e.value("from" + candidate.code(), s(candidate.code())));
            }
        }
        if (lower.isEmpty()) {
            return Optional.empty();
        }
        e.set("status", s(status.code()));
        e.set("updatedAt", millis(at));
        if (reason != null) {
            e.set("reason", s(reason));
        }
        e.remove("leaseUntil");
        String condition = "attribute_exists(" + e.name("contactKey") + ") AND " + e.name("status") + " IN ("
                + String.join(", ", lower) + ")";
        String history = e.name("history");
        if (append) {
            e.setClause(history + " = list_append(if_not_exists(" + history + ", "
                    + e.value("noHistory", AttributeValue.fromL(List.of())) + "), "
                    + e.value("change", AttributeValue.fromL(List.of(historyEntry(status, at)))) + ")");
            condition += " AND (attribute_not_exists(" + history + ") OR size(" + history + ") < "
                    + e.value("historyLimit", Attributes.n(StatusChange.HISTORY_LIMIT)) + ")";
        } else {
            e.set("historyCut", Attributes.bool(true));
        }
        return Optional.of(conditionalUpdate(id, e, condition));
    }

    @Override
    public Optional<Delivery> find(DeliveryId id) {
        return read(id).map(DynamoDbDeliveryLog::delivery);
    }

    @Override
    public List<Delivery> forContact(ContactKey contact) {
        List<Delivery> deliveries = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(deliveryTable)
                        .keyConditionExpression("#k = :k")
                        .expressionAttributeNames(Map.of("#k", "contactKey"))
                        .expressionAttributeValues(Map.of(":k", s(contact.value())))
                        .consistentRead(true))
                .items()
                .forEach(item -> deliveries.add(delivery(item)));
        // The sort key orders by campaign id, not by time: order by when each notice went out.
        deliveries.sort(Comparator.comparing((Delivery d) -> d.sentAt().orElse(d.updatedAt()))
                .thenComparing(d -> d.id().notice()));
        return deliveries;
    }

    @Override
    public Optional<Delivery> findByReferenceHash(String referenceHash) {
        return dynamoDb
                .query(b -> b.tableName(deliveryTable)
                        .indexName(BY_REFERENCE)
                        .keyConditionExpression("#r = :r")
                        .expressionAttributeNames(Map.of("#r", "referenceHash"))
                        .expressionAttributeValues(Map.of(":r", s(referenceHash))))
                .items()
                .stream()
                .findFirst()
                .map(DynamoDbDeliveryLog::delivery);
    }

    /**
     * A filtered {@code Scan} of the table, page by page (DynamoDB's own pages of at most 1 MB, about
     * 1,700 deliveries, so one page is all a reader holds): deliveries are keyed by contact, so one
     * campaign's are spread over the whole table. An export is rare (once per campaign, for the
     * regulator) and reads the table once; an index by campaign would cost a write on every send and
     * concentrate a campaign's writes on one index partition.
     */
    @Override
    public void forEachPage(String campaignId, Consumer<List<Delivery>> page) {
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder request = ScanRequest.builder()
                    .tableName(deliveryTable)
                    .filterExpression("#c = :c")
                    .expressionAttributeNames(Map.of("#c", "campaignId"))
                    .expressionAttributeValues(Map.of(":c", s(campaignId)));
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            ScanResponse response = dynamoDb.scan(request.build());
            if (!response.items().isEmpty()) {
                page.accept(response.items().stream()
                        .map(DynamoDbDeliveryLog::delivery)
                        .toList());
            }
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
    }

    @Override
    public Optional<DeliveryId> smsDelivery(String providerMessageId) {
        return dynamoDb
                .query(b -> b.tableName(deliveryTable)
                        .indexName(BY_SMS_MESSAGE)
                        .keyConditionExpression("#m = :m")
                        .expressionAttributeNames(Map.of("#m", "smsMessageId"))
                        .expressionAttributeValues(Map.of(":m", s(providerMessageId))))
                .items()
                .stream()
                .findFirst()
                .map(DynamoDbDeliveryLog::deliveryId);
    }

    private static DeliveryId deliveryId(Map<String, AttributeValue> keys) {
        String notice = requiredString(keys, "notice");
        int hash = notice.lastIndexOf('#');
        return new DeliveryId(
                new ContactKey(requiredString(keys, "contactKey")),
                notice.substring(0, hash),
                Channel.ofCode(notice.substring(hash + 1)));
    }

    static AttributeValue historyEntry(DeliveryStatus status, Instant at) {
        return AttributeValue.fromM(Map.of("status", s(status.code()), "at", millis(at)));
    }

    private static List<StatusChange> history(Map<String, AttributeValue> item) {
        AttributeValue list = item.get("history");
        if (list == null || !list.hasL()) {
            return List.of();
        }
        List<StatusChange> changes = new ArrayList<>(list.l().size());
        for (AttributeValue entry : list.l()) {
            Map<String, AttributeValue> m = entry.m();
            changes.add(new StatusChange(
                    DeliveryStatus.ofCode(requiredString(m, "status")),
                    instant(m, "at").orElse(Instant.EPOCH)));
        }
        return changes;
    }

    private Optional<Map<String, AttributeValue>> read(DeliveryId id) {
        GetItemResponse response =
                dynamoDb.getItem(b -> b.tableName(deliveryTable).key(key(id)).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    private static Map<String, AttributeValue> key(DeliveryId id) {
        return Map.of("contactKey", s(id.contact().value()), "notice", s(id.notice()));
    }

    private static DeliveryStatus status(Map<String, AttributeValue> item) {
        return DeliveryStatus.ofCode(requiredString(item, "status"));
    }

    /** Statuses that mean the provider took the message, so it has a send time. */
    private static boolean providerTook(DeliveryStatus status) {
        return switch (status) {
            case SENT, DELIVERED, BOUNCED, COMPLAINED -> true;
            case SENDING, FAILED, SUPPRESSED, CANCELLED -> false;
        };
    }

    private static Delivery delivery(Map<String, AttributeValue> item) {
        DeliveryId id = new DeliveryId(
                new ContactKey(requiredString(item, "contactKey")),
                requiredString(item, "campaignId"),
                Channel.ofCode(requiredString(item, "channel")));
        return new Delivery(
                id,
                status(item),
                instant(item, "updatedAt").orElse(Instant.EPOCH),
                instant(item, "sentAt"),
                string(item, "providerMessageId"),
                string(item, "reason"),
                told(item),
                history(item),
                string(item, "referenceHash"),
                string(item, DynamoDbRecipientMasks.ATTRIBUTE));
    }

    /** An update of one delivery under a condition, with the expression's names and values. */
    private UpdateItemRequest conditionalUpdate(DeliveryId id, Expression e, String condition) {
        return UpdateItemRequest.builder()
                .tableName(deliveryTable)
                .key(key(id))
                .updateExpression(e.update())
                .conditionExpression(condition)
                .expressionAttributeNames(e.names())
                .expressionAttributeValues(e.values())
                .build();
    }
}
