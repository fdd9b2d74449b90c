package com.breachnotice.core.testing;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The deliveries table in memory, every role of it, with the table's semantics (held to them by the
 * contract tests): a claim succeeds when the delivery is absent or still {@code SENDING} with a
 * lease strictly before {@code now}; release needs the current token and {@code SENDING} and
 * deletes the claim; a record replaces the item whole; advance moves only to a status of higher
 * rank, appending to the status history up to its limit. Every method is atomic (one lock), so
 * concurrent senders can race on it as they race on the table.
 */
public final class InMemoryDeliveryLog
        implements DeliveryClaims,
                DeliveryRecorder,
                DeliveryStatusUpdates,
                DeliveryHistory,
                CampaignDeliveries,
                SmsMessageIndex {

    /** Deliveries a page of {@link #forEachPage} holds: small, so tests see several pages. */
    static final int PAGE = 3;

    private final Map<DeliveryId, Entry> entries = new LinkedHashMap<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private final AtomicInteger claimAttempts = new AtomicInteger();
    private final AtomicInteger recordWrites = new AtomicInteger();
    private final @Nullable InMemoryCampaignCounters counters;

    public InMemoryDeliveryLog() {
        this.counters = null;
    }

    /** A log whose {@code advance} moves {@code counters} too (the events function's). */
    public InMemoryDeliveryLog(InMemoryCampaignCounters counters) {
        this.counters = counters;
    }

    @Override
    public synchronized ClaimOutcome claim(DeliveryId id, String referenceHash, Instant now, Instant leaseUntil) {
        claimAttempts.incrementAndGet();
        Entry existing = entries.get(id);
        if (existing == null
                || (existing.status == DeliveryStatus.SENDING
                        && existing.leaseUntil != null
                        && existing.leaseUntil.isBefore(now))) {
            String token = "claim-" + tokens.incrementAndGet();
            Entry entry = new Entry(id);
            entry.status = DeliveryStatus.SENDING;
            entry.token = token;
            entry.leaseUntil = leaseUntil;
            entry.referenceHash = referenceHash;
            entry.updatedAt = now;
            entries.put(id, entry);
            return new ClaimOutcome.Claimed(token);
        }
        if (existing.status != DeliveryStatus.SENDING) {
            return new ClaimOutcome.AlreadySettled(existing.status);
        }
        return new ClaimOutcome.HeldElsewhere(existing.leaseUntil == null ? leaseUntil : existing.leaseUntil);
    }

    @Override
    public synchronized void release(DeliveryId id, String claimToken) {
        Entry entry = entries.get(id);
        if (entry != null && claimToken.equals(entry.token) && entry.status == DeliveryStatus.SENDING) {
            entries.remove(id);
        }
    }

    @Override
    public synchronized boolean recordUnreachable(DeliveryId id, String reason, Instant at) {
        if (entries.containsKey(id)) {
            return false;
        }
        Entry entry = new Entry(id);
        entry.status = DeliveryStatus.FAILED;
        entry.reason = reason;
        entry.updatedAt = at;
        entry.history.add(new StatusChange(DeliveryStatus.FAILED, at));
        entries.put(id, entry);
        return true;
    }

    @Override
    public synchronized boolean advance(DeliveryId id, DeliveryStatus status, @Nullable String reason, Instant at) {
        Entry entry = entries.get(id);
        if (entry == null || !entry.status.canAdvanceTo(status)) {
            return false;
        }
        if (counters != null && entry.status != DeliveryStatus.SENDING) {
            counters.moved(id.campaignId(), id.channel(), entry.status, status, reason == null ? "unknown" : reason);
        }
        entry.status = status;
        entry.updatedAt = at;
        if (reason != null) {
            entry.reason = reason;
        }
        entry.leaseUntil = null;
        if (entry.history.size() < StatusChange.HISTORY_LIMIT) {
            entry.history.add(new StatusChange(status, at));
        }
        return true;
    }

    @Override
    public void forEachPage(String campaignId, Consumer<List<Delivery>> page) {
        List<Delivery> all;
        synchronized (this) {
            all = entries.values().stream()
                    .filter(e -> e.id.campaignId().equals(campaignId))
                    .map(Entry::delivery)
                    .toList();
        }
        for (int from = 0; from < all.size(); from += PAGE) {
            page.accept(all.subList(from, Math.min(all.size(), from + PAGE)));
        }
    }

    @Override
    public synchronized Optional<DeliveryId> smsDelivery(String providerMessageId) {
        return entries.values().stream()
                .filter(e -> e.id.channel() == Channel.SMS && providerMessageId.equals(e.providerMessageId))
                .map(e -> e.id)
                .findFirst();
    }

    @Override
    public synchronized Optional<Delivery> find(DeliveryId id) {
        return Optional.ofNullable(entries.get(id)).map(Entry::delivery);
    }

    @Override
    public synchronized List<Delivery> forContact(ContactKey contact) {
        List<Delivery> found = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (entry.id.contact().equals(contact)) {
                found.add(entry.delivery());
            }
        }
        found.sort(Comparator.comparing((Delivery d) -> d.sentAt().orElse(d.updatedAt()))
                .thenComparing(d -> d.id().notice()));
        return found;
    }

    @Override
    public synchronized Map<ContactKey, Set<ItemKind>> itemsTold(String campaignId, List<ContactKey> contacts) {
        if (contacts.size() > ITEMS_TOLD_BATCH) {
            throw new IllegalArgumentException("at most " + ITEMS_TOLD_BATCH + " contacts a call");
        }
        Map<ContactKey, Set<ItemKind>> told = new LinkedHashMap<>();
        for (ContactKey contact : contacts) {
            for (Channel channel : Channel.values()) {
                Entry entry = entries.get(new DeliveryId(contact, campaignId, channel));
                if (entry != null && entry.told != null) {
                    told.computeIfAbsent(contact, c -> EnumSet.noneOf(ItemKind.class))
                            .addAll(entry.told.items());
                }
            }
        }
        return told;
    }

    @Override
    public synchronized Optional<Delivery> findByReferenceHash(String referenceHash) {
        return entries.values().stream()
                .filter(e -> referenceHash.equals(e.referenceHash))
                .findFirst()
                .map(Entry::delivery);
    }

    /**
     * Puts each record whole, as the table's batch write does: a claim of the same delivery is
     * replaced, token and lease included.
     */
    @Override
    public synchronized void record(List<DeliveryRecord> records) {
        for (DeliveryRecord record : records) {
            recordWrites.incrementAndGet();
            Entry entry = new Entry(record.id());
            entry.status = record.status();
            entry.referenceHash = record.referenceHash();
            entry.updatedAt = record.at();
            entry.sentAt = providerTook(record.status()) ? record.at() : null;
            entry.providerMessageId = record.providerMessageId().orElse(null);
            entry.reason = record.reason().orElse(null);
            entry.told = record.told().orElse(null);
            entry.recipientMask = record.recipientMask().orElse(null);
            entry.history.add(new StatusChange(record.status(), record.at()));
            entries.put(record.id(), entry);
        }
    }

    @Override
    public synchronized Map<DeliveryId, DeliveryStatus> recorded(List<DeliveryId> ids) {
        Map<DeliveryId, DeliveryStatus> found = new LinkedHashMap<>();
        for (DeliveryId id : ids) {
            Entry entry = entries.get(id);
            if (entry != null && entry.status != DeliveryStatus.SENDING) {
                found.put(id, entry.status);
            }
        }
        return found;
    }

    /** How many delivery records were written (a re-send after a crash writes its record again). */
    public int recordWrites() {
        return recordWrites.get();
    }

    /** The reference-code hash the last claim of this delivery stored. */
    public synchronized Optional<String> referenceHash(DeliveryId id) {
        return Optional.ofNullable(entries.get(id)).map(e -> e.referenceHash);
    }

    /** The lease of a delivery that is still {@code SENDING}. */
    public synchronized Optional<Instant> leaseUntil(DeliveryId id) {
        return Optional.ofNullable(entries.get(id)).map(e -> e.leaseUntil);
    }

    public synchronized List<Delivery> all() {
        return entries.values().stream().map(Entry::delivery).toList();
    }

    public int claimAttempts() {
        return claimAttempts.get();
    }

    private static boolean providerTook(DeliveryStatus status) {
        return switch (status) {
            case SENT, DELIVERED, BOUNCED, COMPLAINED -> true;
            case SENDING, FAILED, SUPPRESSED, CANCELLED -> false;
        };
    }

    private static final class Entry {
        final DeliveryId id;
        DeliveryStatus status = DeliveryStatus.SENDING;

        @Nullable
        Instant leaseUntil;

        @Nullable
        String token;

        @Nullable
        String referenceHash;

        Instant updatedAt = Instant.EPOCH;

        @Nullable
        Instant sentAt;

        @Nullable
        String providerMessageId;

        @Nullable
        String reason;

        @Nullable
        NoticeProof told;

        @Nullable
        String recipientMask;

        final List<StatusChange> history = new ArrayList<>();

        Entry(DeliveryId id) {
            this.id = id;
        }

        Delivery delivery() {
            return new Delivery(
                    id,
                    status,
                    updatedAt,
                    Optional.ofNullable(sentAt),
                    Optional.ofNullable(providerMessageId),
                    Optional.ofNullable(reason),
                    Optional.ofNullable(told),
                    history,
                    Optional.ofNullable(referenceHash),
                    Optional.ofNullable(recipientMask));
        }
    }
}
