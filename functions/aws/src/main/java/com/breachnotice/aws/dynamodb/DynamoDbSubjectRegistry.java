package com.breachnotice.aws.dynamodb;

import static com.breachnotice.aws.dynamodb.Attributes.bool;
import static com.breachnotice.aws.dynamodb.Attributes.flag;
import static com.breachnotice.aws.dynamodb.Attributes.n;
import static com.breachnotice.aws.dynamodb.Attributes.number;
import static com.breachnotice.aws.dynamodb.Attributes.requiredString;
import static com.breachnotice.aws.dynamodb.Attributes.s;
import static com.breachnotice.aws.dynamodb.Attributes.ss;
import static com.breachnotice.aws.dynamodb.Attributes.string;
import static com.breachnotice.aws.dynamodb.Attributes.strings;

import com.breachnotice.aws.BatchRetry;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.intake.ContactRecord;
import com.breachnotice.core.intake.Registered;
import com.breachnotice.core.intake.Registration;
import com.breachnotice.core.intake.SubjectMerge;
import com.breachnotice.core.intake.SubjectRegistry;
import com.breachnotice.core.intake.SubjectWrites;
import com.breachnotice.core.intake.Unconfirmed;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.manifest.Rejection;
import com.breachnotice.core.registry.SubjectRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * {@link SubjectRegistry} on the subjects and contacts tables, batched (through {@link DynamoDbBatches},
 * the one policy for unprocessed items): one chunk of rows costs one {@code BatchGetItem} per 100 keys
 * of each table, then
 *
 * <ul>
 *   <li>items that are absent: {@code BatchWriteItem} puts, 25 per request;
 *   <li>items that already hold everything the rows bring (a reload): nothing at all;
 *   <li>items that must merge: one {@code UpdateItem} each, with {@code ADD} for the set unions and
 *       {@code if_not_exists} for first values, as before (atomic on the server, safe under
 *       concurrency).
 * </ul>
 *
 * <p>No transactions: a transaction costs twice the write units of the same writes and holds at
 * most 100 items; batched puts with a later check cost one.
 *
 * <p>A put is blind (BatchWriteItem has no conditions), so two writers that both read "absent" for
 * the same key (a contact shared by customers in two ranges loaded at once) would overwrite each
 * other. Every blind put is therefore verified one chunk later (so that a concurrent writer's read
 * and put have had a chunk's time to land): the key is read again and, if our contribution is gone,
 * it is registered again through the merging path. The window left is a concurrent writer whose
 * read-to-put time exceeds a chunk's; the last chunk of a range is verified at once by
 * {@link #settle}. What awaits verification is returned to the caller ({@link
 * Registered#unconfirmed}) and handed back with the next chunk: this class keeps nothing between
 * calls.
 *
 * <p>Independent writes of one call run on the executor it is given (the composition root owns it;
 * {@code Runnable::run} runs them in turn).
 *
 * <p>Subjects keep, per manifest, the line of the row that defined them (attribute
 * {@link SubjectMerge#definingLineName}); {@link SubjectMerge#plan} decides merges and conflicts with
 * it and returns the writes, which this class turns into requests.
 * A row that displaces a higher line rewrites the subject conditionally on that line, and takes the
 * displaced customer off the contacts it had brought (a contact left without owners is deleted).
 *
 * <p>Sealed values are stored as two strings, ciphertext and wrapped data key. A subject seals only
 * its name: {@code nameCipher} + {@code dataKey}. A contact stores {@code valueCipher} + {@code dataKey}
 * and, separately, {@code nameCipher} + {@code nameDataKey}: the name may come from a later owner,
 * sealed by another worker under another data key.
 */
public final class DynamoDbSubjectRegistry implements SubjectRegistry {

    /** Concurrent requests per call the wiring should allow: enough to hide latency, polite to the table. */
    public static final int DEFAULT_CONCURRENCY = 8;

    static final int MAX_WRITE_ITEMS = DynamoDbBatches.MAX_WRITE_ITEMS;

    private final DynamoDbClient dynamoDb;
    private final DynamoDbBatches batches;
    private final String subjectTable;
    private final String contactTable;
    private final Executor executor;

    /**
     * The retry of every write of a range, batched or single: the merging updates too, which with
     * only the SDK's own attempts failed ranges when many instances share the table's throughput
     * (bench/scale: "ProvisionedThroughputExceeded on contacts" at 3 million people).
     */
    private static final BatchRetry PATIENCE = BatchRetry.patient();

    /** Runs a call's writes one after the other, on the calling thread. */
    public DynamoDbSubjectRegistry(DynamoDbClient dynamoDb, String subjectTable, String contactTable) {
        this(dynamoDb, subjectTable, contactTable, Runnable::run);
    }

    /** Runs a call's independent writes on {@code executor}, which bounds the concurrency and is not ours. */
    public DynamoDbSubjectRegistry(
            DynamoDbClient dynamoDb, String subjectTable, String contactTable, Executor executor) {
        this.dynamoDb = dynamoDb;
        // Patient: a failed call fails the whole range, which comes back only after 30 minutes.
        this.batches = new DynamoDbBatches(dynamoDb, PATIENCE);
        this.subjectTable = subjectTable;
        this.contactTable = contactTable;
        this.executor = executor;
    }

    /** Blind puts of one chunk awaiting their verification, as the table would merge them. */
    private record Pending(Map<String, List<Registration>> subjects, Map<ContactKey, MergedContact> contacts) {

        static Pending of(Unconfirmed unconfirmed) {
            Map<String, List<Registration>> subjects = new LinkedHashMap<>();
            for (Registration row : unconfirmed.subjects()) {
                subjects.computeIfAbsent(row.subject().customerId(), id -> new ArrayList<>())
                        .add(row);
            }
            return new Pending(subjects, mergeContacts(unconfirmed.contacts()));
        }

        Unconfirmed unconfirmed() {
            List<Registration> rows = new ArrayList<>();
            subjects.values().forEach(rows::addAll);
            List<ContactRecord> records = new ArrayList<>();
            contacts.values().forEach(contact -> records.addAll(contact.records));
            return new Unconfirmed(rows, records);
        }
    }

    @Override
    public Registered register(String manifestId, List<Registration> rows, Unconfirmed previous) {
        Registered registered = write(manifestId, rows);
        if (!previous.isEmpty()) {
            registered = plus(registered, verify(manifestId, Pending.of(previous)));
        }
        return registered;
    }

    @Override
    public Registered settle(String manifestId, Unconfirmed last) {
        return last.isEmpty() ? Registered.NOTHING : verify(manifestId, Pending.of(last));
    }

    private Registered write(String manifestId, List<Registration> rows) {
        Pending blind = new Pending(new LinkedHashMap<>(), new LinkedHashMap<>());
        Registered registered = write(manifestId, rows, blind);
        return new Registered(
                registered.mergedLines(), registered.conflicting(), registered.displaced(), blind.unconfirmed());
    }

    private Registered write(String manifestId, List<Registration> rows, Pending blind) {
        String lineName = SubjectMerge.definingLineName(manifestId);
        List<String> ids =
                rows.stream().map(row -> row.subject().customerId()).distinct().toList();
        Map<String, Map<String, AttributeValue>> storedItems = batchGet(
                subjectTable,
                "customerId",
                ids,
                item -> requiredString(item, "customerId"),
                "customerId, emailKey, phoneKey, #items, manifests, nameCipher, #line",
                Map.of("#items", "items", "#line", lineName));
        Map<String, SubjectWrites.StoredSubject> stored = new HashMap<>();
        storedItems.forEach((id, item) -> stored.put(id, storedSubject(item, lineName)));
        SubjectWrites plan = SubjectMerge.plan(manifestId, rows, stored);

        List<Map<String, AttributeValue>> subjectPuts = new ArrayList<>();
        List<UpdateItemRequest> subjectUpdates = new ArrayList<>();
        Map<String, List<Registration>> rowsOf = new HashMap<>();
        rows.forEach(row -> rowsOf.computeIfAbsent(row.subject().customerId(), id -> new ArrayList<>())
                .add(row));
        for (SubjectWrites.SubjectWrite write : plan.subjects()) {
            switch (write) {
                case SubjectWrites.SubjectWrite.Create create -> {
                    subjectPuts.add(subjectItem(create.customerId(), create.image(), lineName));
                    blind.subjects().put(create.customerId(), rowsOf.get(create.customerId()));
                }
                case SubjectWrites.SubjectWrite.Merge merge ->
                    subjectUpdates.add(mergeSubject(merge.customerId(), merge.image(), merge.lowersLine(), lineName));
                case SubjectWrites.SubjectWrite.Replace replace ->
                    subjectUpdates.add(
                            replaceSubject(replace.customerId(), replace.image(), lineName, replace.loser()));
            }
        }
        List<Runnable> removals = new ArrayList<>();
        plan.removals().forEach(removal -> removals.add(() -> removeOwner(removal.customerId(), removal.contacts())));
        List<ContactRecord> contacts = plan.contacts();

        Map<ContactKey, MergedContact> merged = mergeContacts(contacts);
        Map<String, Map<String, AttributeValue>> storedContacts = batchGet(
                contactTable,
                "contactKey",
                merged.keySet().stream().map(ContactKey::value).toList(),
                item -> requiredString(item, "contactKey"),
                "contactKey, #items, customerIds, ownerWithoutEmail, smsCapable, nameCipher, "
                        + ContactItems.ROLE_ATTRIBUTES,
                Map.of("#items", "items", "#roles", ContactItems.ROLES));
        List<Map<String, AttributeValue>> contactPuts = new ArrayList<>();
        List<UpdateItemRequest> contactUpdates = new ArrayList<>();
        for (MergedContact contact : merged.values()) {
            Map<String, AttributeValue> item = storedContacts.get(contact.key.value());
            if (item == null) {
                contactPuts.add(contact.item());
                blind.contacts().put(contact.key, contact);
            } else if (!contact.coveredBy(item)) {
                contactUpdates.add(contactUpdate(contact));
            }
        }

        List<Runnable> writes = new ArrayList<>();
        chunks(subjectPuts, MAX_WRITE_ITEMS).forEach(chunk -> writes.add(() -> batches.put(subjectTable, chunk)));
        chunks(contactPuts, MAX_WRITE_ITEMS).forEach(chunk -> writes.add(() -> batches.put(contactTable, chunk)));
        subjectUpdates.forEach(update -> writes.add(() -> updateSubject(update)));
        contactUpdates.forEach(update -> writes.add(() -> updateContact(update)));
        runAll(writes);
        // After the writes: a displaced owner's contacts may be the ones this chunk just merged into.
        runAll(removals);
        return plan.registered();
    }

    /**
     * Reads blind-put keys again; a key whose item lost our contribution to a concurrent blind put
     * is registered again through the merging path, and its outcome returned.
     */
    private Registered verify(String manifestId, Pending blind) {
        String lineName = SubjectMerge.definingLineName(manifestId);
        Map<String, Map<String, AttributeValue>> subjects = batchGet(
                subjectTable,
                "customerId",
                new ArrayList<>(blind.subjects().keySet()),
                item -> requiredString(item, "customerId"),
                "customerId, #line",
                Map.of("#line", lineName));
        List<Registration> again = new ArrayList<>();
        blind.subjects().forEach((customerId, rows) -> {
            Map<String, AttributeValue> item = subjects.get(customerId);
            OptionalLong line = item == null ? OptionalLong.empty() : optionalLong(number(item, lineName));
            long ours = rows.stream()
                    .filter(row -> !row.repeat())
                    .mapToLong(Registration::line)
                    .min()
                    .orElse(Long.MAX_VALUE);
            // Ours, or a lower line that displaced ours on purpose (its writer reported us).
            boolean intact = line.isPresent() && line.getAsLong() <= ours;
            if (!intact) {
                again.addAll(rows);
            }
        });
        Map<String, Map<String, AttributeValue>> contacts = batchGet(
                contactTable,
                "contactKey",
                blind.contacts().keySet().stream().map(ContactKey::value).toList(),
                item -> requiredString(item, "contactKey"),
                "contactKey, #items, customerIds, ownerWithoutEmail, smsCapable, nameCipher, "
                        + ContactItems.ROLE_ATTRIBUTES,
                Map.of("#items", "items", "#roles", ContactItems.ROLES));
        List<Runnable> repairs = new ArrayList<>();
        Set<String> againIds = new HashSet<>();
        again.forEach(row -> againIds.add(row.subject().customerId()));
        blind.contacts().forEach((key, contact) -> {
            Map<String, AttributeValue> item = contacts.get(key.value());
            boolean ownersRedone = againIds.containsAll(contact.customerIds);
            if (!ownersRedone && (item == null || !contact.coveredBy(item))) {
                repairs.add(() -> updateContact(contactUpdate(contact)));
            }
        });
        runAll(repairs);
        if (again.isEmpty()) {
            return Registered.NOTHING;
        }
        Registered redone = write(manifestId, again, new Pending(new LinkedHashMap<>(), new LinkedHashMap<>()));
        // A row refused now had put its contacts already: take it off them again.
        List<Runnable> cleanups = new ArrayList<>();
        for (Rejection refused : redone.conflicting()) {
            for (Registration row : again) {
                if (row.line() == refused.line()) {
                    cleanups.add(() -> removeRefusedOwner(row));
                }
            }
        }
        runAll(cleanups);
        return redone;
    }

    /** A merging update of a contact, asked again while the table throttles it. */
    private void updateContact(UpdateItemRequest update) {
        PATIENCE.untilAccepted("UpdateItem on " + contactTable, () -> dynamoDb.updateItem(update));
    }

    private void updateSubject(UpdateItemRequest update) {
        try {
            PATIENCE.untilAccepted("UpdateItem on " + subjectTable, () -> dynamoDb.updateItem(update));
        } catch (ConditionalCheckFailedException e) {
            // Another range lowered the defining line (or displaced it) between our read and write:
            // the chunk is not applied as decided; failing the range lets SQS deliver it again, and
            // the registry's writes are idempotent, so the second attempt decides on fresh reads.
            throw new IllegalStateException("a subject changed under a concurrent range; the range is retried", e);
        }
    }

    private UpdateItemRequest mergeSubject(
            String customerId, SubjectWrites.Image image, boolean lowersLine, String lineName) {
        Expression e = new Expression();
        e.add("items", ss(codes(image.items())));
        e.add("manifests", ss(image.manifests()));
        image.name().ifPresent(name -> {
            e.setIfAbsent("nameCipher", s(name.ciphertext()));
            e.setIfAbsent("dataKey", s(name.wrappedKey()));
        });
        UpdateItemRequest.Builder request =
                UpdateItemRequest.builder().tableName(subjectTable).key(Map.of("customerId", s(customerId)));
        if (lowersLine) {
            long lower = image.line().orElseThrow();
            e.set(lineName, n(lower));
            String line = e.name(lineName);
            request.conditionExpression(
                    "attribute_not_exists(" + line + ") OR " + line + " > " + e.value(lineName, n(lower)));
        }
        return request.updateExpression(e.update())
                .expressionAttributeNames(e.names())
                .expressionAttributeValues(e.values())
                .build();
    }

    private UpdateItemRequest replaceSubject(
            String customerId, SubjectWrites.Image image, String lineName, long loser) {
        Expression e = new Expression();
        e.set("items", ss(codes(image.items())));
        e.add("manifests", ss(image.manifests()));
        e.set("locale", s(image.locale().code()));
        e.set(lineName, n(image.line().orElseThrow()));
        if (image.email().isPresent()) {
            e.set("emailKey", s(image.email().get().value()));
        } else {
            e.remove("emailKey");
        }
        if (image.phone().isPresent()) {
            e.set("phoneKey", s(image.phone().get().value()));
        } else {
            e.remove("phoneKey");
        }
        if (image.name().isPresent()) {
            e.set("nameCipher", s(image.name().get().ciphertext()));
            e.set("dataKey", s(image.name().get().wrappedKey()));
        } else {
            e.remove("nameCipher");
            e.remove("dataKey");
        }
        String line = e.name(lineName);
        return UpdateItemRequest.builder()
                .tableName(subjectTable)
                .key(Map.of("customerId", s(customerId)))
                .updateExpression(e.update())
                .conditionExpression(line + " = " + e.value("loser", n(loser)))
                .expressionAttributeNames(e.names())
                .expressionAttributeValues(e.values())
                .build();
    }

    private static SubjectWrites.StoredSubject storedSubject(Map<String, AttributeValue> item, String lineName) {
        Set<ItemKind> items = java.util.EnumSet.noneOf(ItemKind.class);
        strings(item, "items").forEach(code -> ItemKind.ofCode(code).ifPresent(items::add));
        return new SubjectWrites.StoredSubject(
                items,
                new TreeSet<>(strings(item, "manifests")),
                string(item, "emailKey").map(ContactKey::new),
                string(item, "phoneKey").map(ContactKey::new),
                item.containsKey("nameCipher"),
                optionalLong(number(item, lineName)));
    }

    private static Map<String, AttributeValue> subjectItem(
            String customerId, SubjectWrites.Image image, String lineName) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("customerId", s(customerId));
        item.put("items", ss(codes(image.items())));
        item.put("manifests", ss(image.manifests()));
        item.put("locale", s(image.locale().code()));
        image.email().ifPresent(key -> item.put("emailKey", s(key.value())));
        image.phone().ifPresent(key -> item.put("phoneKey", s(key.value())));
        image.name().ifPresent(name -> {
            item.put("nameCipher", s(name.ciphertext()));
            item.put("dataKey", s(name.wrappedKey()));
        });
        image.line().ifPresent(value -> item.put(lineName, n(value)));
        return item;
    }

    private static List<String> codes(Set<ItemKind> items) {
        return items.stream().map(ItemKind::code).sorted().toList();
    }

    /** A row refused after its blind put: off its contacts, except those the stored subject also has. */
    private void removeRefusedOwner(Registration row) {
        String customerId = row.subject().customerId();
        Set<ContactKey> gone =
                keys(row.subject().email().orElse(null), row.subject().phone().orElse(null));
        Map<String, AttributeValue> stored = dynamoDb.getItem(b -> b.tableName(subjectTable)
                        .key(Map.of("customerId", s(customerId)))
                        .consistentRead(true))
                .item();
        if (stored != null) {
            string(stored, "emailKey").map(ContactKey::new).ifPresent(gone::remove);
            string(stored, "phoneKey").map(ContactKey::new).ifPresent(gone::remove);
        }
        removeOwner(customerId, gone);
    }

    private static Set<ContactKey> keys(@Nullable ContactKey email, @Nullable ContactKey phone) {
        Set<ContactKey> keys = new HashSet<>();
        if (email != null) {
            keys.add(email);
        }
        if (phone != null) {
            keys.add(phone);
        }
        return keys;
    }

    /** Takes a customer off contacts; a contact left without owners is deleted. */
    private void removeOwner(String customerId, Set<ContactKey> contacts) {
        for (ContactKey key : contacts) {
            UpdateItemResponse response;
            try {
                response = dynamoDb.updateItem(b -> b.tableName(contactTable)
                        .key(Map.of("contactKey", s(key.value())))
                        .updateExpression("DELETE #owners :owner")
                        .conditionExpression("attribute_exists(contactKey)")
                        .expressionAttributeNames(Map.of("#owners", "customerIds"))
                        .expressionAttributeValues(Map.of(":owner", ss(List.of(customerId))))
                        .returnValues(ReturnValue.ALL_NEW));
            } catch (ConditionalCheckFailedException e) {
                continue; // already gone
            }
            if (strings(response.attributes(), "customerIds").isEmpty()) {
                try {
                    dynamoDb.deleteItem(b -> b.tableName(contactTable)
                            .key(Map.of("contactKey", s(key.value())))
                            .conditionExpression("attribute_not_exists(customerIds)"));
                } catch (ConditionalCheckFailedException e) {
                    // Another owner arrived meanwhile: the contact stays, rightly.
                }
            }
        }
    }

    UpdateItemRequest contactUpdate(MergedContact contact) {
        Expression e = new Expression();
        if (!contact.items.isEmpty()) {
            e.add("items", ss(contact.items));
        }
        e.add("customerIds", ss(contact.customerIds));
        e.add(
                ContactItems.ROLES,
                ss(contact.roles.keySet().stream().map(SubjectRole::code).toList()));
        contact.roles.forEach((role, items) -> {
            if (!items.isEmpty()) {
                e.add(ContactItems.roleItems(role), ss(items));
            }
        });
        e.set("kind", s(contact.key.kind().name().toLowerCase(Locale.ROOT)));
        e.setIfAbsent("valueCipher", s(contact.value.ciphertext()));
        e.setIfAbsent("dataKey", s(contact.value.wrappedKey()));
        if (contact.name != null) {
            e.setIfAbsent("nameCipher", s(contact.name.ciphertext()));
            e.setIfAbsent("nameDataKey", s(contact.name.wrappedKey()));
        }
        e.setIfAbsent("locale", s(contact.locale.code()));
        e.set("smsCapable", bool(contact.smsCapable));
        // An OR over every owner: true once any owner lacked a usable email, never back to false.
        String owner = e.name("ownerWithoutEmail");
        if (contact.ownerWithoutEmail) {
            e.setClause(owner + " = " + e.value("true", bool(true)));
        } else {
            e.setClause(owner + " = if_not_exists(" + owner + ", " + e.value("false", bool(false)) + ")");
        }
        return UpdateItemRequest.builder()
                .tableName(contactTable)
                .key(Map.of("contactKey", s(contact.key.value())))
                .updateExpression(e.update())
                .expressionAttributeNames(e.names())
                .expressionAttributeValues(e.values())
                .build();
    }

    static Map<ContactKey, MergedContact> mergeContacts(List<ContactRecord> contacts) {
        Map<ContactKey, MergedContact> merged = new LinkedHashMap<>();
        for (ContactRecord record : contacts) {
            merged.computeIfAbsent(record.key(), key -> new MergedContact(record))
                    .merge(record);
        }
        return merged;
    }

    private Map<String, Map<String, AttributeValue>> batchGet(
            String table,
            String keyName,
            List<String> keys,
            Function<Map<String, AttributeValue>, String> keyOf,
            String projection,
            Map<String, String> names) {
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        KeysAndAttributes read = KeysAndAttributes.builder()
                .keys(keys.stream()
                        .distinct()
                        .map(key -> Map.of(keyName, s(key)))
                        .toList())
                .projectionExpression(projection)
                .expressionAttributeNames(names)
                .consistentRead(true)
                .build();
        batches.get(table, read, item -> found.put(keyOf.apply(item), item));
        return found;
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }

    private void runAll(List<Runnable> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        if (tasks.size() == 1) {
            tasks.get(0).run();
            return;
        }
        List<CompletableFuture<?>> running = new ArrayList<>(tasks.size());
        for (Runnable task : tasks) {
            running.add(CompletableFuture.runAsync(task, executor));
        }
        RuntimeException failure = null;
        for (CompletableFuture<?> future : running) {
            try {
                future.join();
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                if (failure == null) {
                    failure = cause;
                } else if (failure != cause) {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static Registered plus(Registered a, Registered b) {
        if (b == Registered.NOTHING) {
            return a;
        }
        List<Rejection> conflicting = new ArrayList<>(a.conflicting());
        conflicting.addAll(b.conflicting());
        List<Rejection> displaced = new ArrayList<>(a.displaced());
        displaced.addAll(b.displaced());
        Map<String, Set<Long>> mergedLines = new HashMap<>();
        for (Registered part : List.of(a, b)) {
            part.mergedLines()
                    .forEach((customer, lines) -> mergedLines
                            .computeIfAbsent(customer, c -> new HashSet<>())
                            .addAll(lines));
        }
        return new Registered(mergedLines, conflicting, displaced);
    }

    private static OptionalLong optionalLong(Optional<Long> value) {
        return value.map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    /** Every contribution to one contact in one call, merged as the table would merge them. */
    static final class MergedContact {
        final ContactKey key;
        final Sealed value;
        final NoticeLocale locale;
        final Set<String> items = new TreeSet<>();
        final Set<String> customerIds = new TreeSet<>();
        final Map<SubjectRole, Set<String>> roles = new java.util.EnumMap<>(SubjectRole.class);
        /** The contributions merged here, so that a blind put can be verified by the caller's next call. */
        final List<ContactRecord> records = new ArrayList<>();

        @Nullable
        Sealed name;

        boolean smsCapable;
        boolean ownerWithoutEmail;

        MergedContact(ContactRecord first) {
            this.key = first.key();
            this.value = first.value();
            this.locale = first.locale();
        }

        void merge(ContactRecord record) {
            records.add(record);
            record.items().stream().map(ItemKind::code).forEach(items::add);
            customerIds.add(record.customerId());
            Set<String> roleItems = roles.computeIfAbsent(record.role(), r -> new TreeSet<>());
            record.items().stream().map(ItemKind::code).forEach(roleItems::add);
            if (name == null) {
                name = record.name().orElse(null);
            }
            smsCapable |= record.smsCapable();
            ownerWithoutEmail |= record.ownerWithoutEmail();
        }

        boolean coveredBy(Map<String, AttributeValue> item) {
            return strings(item, "items").containsAll(items)
                    && strings(item, "customerIds").containsAll(customerIds)
                    && rolesCoveredBy(item)
                    && (!ownerWithoutEmail || flag(item, "ownerWithoutEmail"))
                    && flag(item, "smsCapable") == smsCapable
                    && (name == null || item.containsKey("nameCipher"));
        }

        private boolean rolesCoveredBy(Map<String, AttributeValue> item) {
            List<String> stored = strings(item, ContactItems.ROLES);
            for (Map.Entry<SubjectRole, Set<String>> role : roles.entrySet()) {
                if (!stored.contains(role.getKey().code())
                        || !strings(item, ContactItems.roleItems(role.getKey())).containsAll(role.getValue())) {
                    return false;
                }
            }
            return true;
        }

        Map<String, AttributeValue> item() {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("contactKey", s(key.value()));
            item.put(
                    ContactItems.ROLES,
                    ss(roles.keySet().stream().map(SubjectRole::code).toList()));
            roles.forEach((role, roleItems) -> {
                if (!roleItems.isEmpty()) {
                    item.put(ContactItems.roleItems(role), ss(roleItems));
                }
            });
            item.put("kind", s(key.kind().name().toLowerCase(Locale.ROOT)));
            if (!items.isEmpty()) {
                item.put("items", ss(items));
            }
            item.put("customerIds", ss(customerIds));
            item.put("valueCipher", s(value.ciphertext()));
            item.put("dataKey", s(value.wrappedKey()));
            if (name != null) {
                item.put("nameCipher", s(name.ciphertext()));
                item.put("nameDataKey", s(name.wrappedKey()));
            }
            item.put("locale", s(locale.code()));
            item.put("smsCapable", bool(smsCapable));
            item.put("ownerWithoutEmail", bool(ownerWithoutEmail));
            return item;
        }
    }
}
