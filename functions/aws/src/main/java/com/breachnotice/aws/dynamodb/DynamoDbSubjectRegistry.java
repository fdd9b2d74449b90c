package com.breachnotice.aws.dynamodb;

import static com.breachnotice.aws.dynamodb.Attributes.bool;
import static com.breachnotice.aws.dynamodb.Attributes.s;
import static com.breachnotice.aws.dynamodb.Attributes.ss;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.intake.ContactRecord;
import com.breachnotice.core.intake.SubjectRecord;
import com.breachnotice.core.intake.SubjectRegistry;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@link SubjectRegistry} on the subjects and contacts tables. Every write is an {@code UpdateItem}
 * that merges: sets ({@code items}, {@code manifests}, {@code customerIds}) are unioned with
 * {@code ADD}, first values are kept with {@code if_not_exists}, and {@code ownerWithoutEmail} is an
 * OR. Loading the same rows twice therefore leaves the same items, and a second manifest adds to them.
 *
 * <p>Sealed values are stored as two strings, ciphertext and wrapped data key. A subject seals only
 * its name: {@code nameCipher} + {@code dataKey}. A contact stores {@code valueCipher} + {@code dataKey}
 * and, separately, {@code nameCipher} + {@code nameDataKey}: the name may come from a later owner,
 * sealed by another worker under another data key, so one key per item would not open it. Each
 * ciphertext and its key are written by the same {@code if_not_exists} pair, so they stay together.
 *
 * <p>The updates of one call run concurrently on a small bounded pool (DynamoDB latency, not CPU, is
 * the limit); throttling is retried by the client's retry strategy (see {@code AwsClients}).
 */
public final class DynamoDbSubjectRegistry implements SubjectRegistry, AutoCloseable {

    /** Concurrent writes per call: enough to hide latency, few enough to stay polite to the table. */
    public static final int DEFAULT_CONCURRENCY = 8;

    private final DynamoDbClient dynamoDb;
    private final String subjectTable;
    private final String contactTable;
    private final ExecutorService executor;
    private final boolean ownsExecutor;

    /** Owns a pool of {@value #DEFAULT_CONCURRENCY} daemon threads, shut down by {@link #close()}. */
    public DynamoDbSubjectRegistry(DynamoDbClient dynamoDb, String subjectTable, String contactTable) {
        this(dynamoDb, subjectTable, contactTable, ownedPool(), true);
    }

    /** Uses the caller's executor, which bounds the concurrency; {@link #close()} leaves it running. */
    public DynamoDbSubjectRegistry(
            DynamoDbClient dynamoDb, String subjectTable, String contactTable, ExecutorService executor) {
        this(dynamoDb, subjectTable, contactTable, executor, false);
    }

    private DynamoDbSubjectRegistry(
            DynamoDbClient dynamoDb,
            String subjectTable,
            String contactTable,
            ExecutorService executor,
            boolean ownsExecutor) {
        this.dynamoDb = dynamoDb;
        this.subjectTable = subjectTable;
        this.contactTable = contactTable;
        this.executor = executor;
        this.ownsExecutor = ownsExecutor;
    }

    @Override
    public void register(List<SubjectRecord> subjects, List<ContactRecord> contacts) {
        List<UpdateItemRequest> updates = new ArrayList<>();
        mergeSubjects(subjects).values().forEach(subject -> updates.add(subjectUpdate(subject)));
        mergeContacts(contacts).values().forEach(contact -> updates.add(contactUpdate(contact)));
        runAll(updates);
    }

    @Override
    public void close() {
        if (ownsExecutor) {
            executor.shutdown();
        }
    }

    UpdateItemRequest subjectUpdate(MergedSubject subject) {
        Expression e = new Expression();
        if (!subject.items.isEmpty()) {
            e.add("items", ss(subject.items));
        }
        e.add("manifests", ss(subject.manifests));
        e.setIfAbsent("locale", s(subject.locale.code()));
        if (subject.email != null) {
            e.setIfAbsent("emailKey", s(subject.email.value()));
        }
        if (subject.phone != null) {
            e.setIfAbsent("phoneKey", s(subject.phone.value()));
        }
        if (subject.name != null) {
            e.setIfAbsent("nameCipher", s(subject.name.ciphertext()));
            e.setIfAbsent("dataKey", s(subject.name.wrappedKey()));
        }
        return UpdateItemRequest.builder()
                .tableName(subjectTable)
                .key(Map.of("customerId", s(subject.customerId)))
                .updateExpression(e.update())
                .expressionAttributeNames(e.names())
                .expressionAttributeValues(e.values())
                .build();
    }

    UpdateItemRequest contactUpdate(MergedContact contact) {
        Expression e = new Expression();
        if (!contact.items.isEmpty()) {
            e.add("items", ss(contact.items));
        }
        e.add("customerIds", ss(contact.customerIds));
        e.set("kind", s(contact.key.kind().name().toLowerCase(java.util.Locale.ROOT)));
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

    static Map<String, MergedSubject> mergeSubjects(List<SubjectRecord> subjects) {
        Map<String, MergedSubject> merged = new LinkedHashMap<>();
        for (SubjectRecord record : subjects) {
            merged.computeIfAbsent(record.customerId(), id -> new MergedSubject(id, record.locale()))
                    .merge(record);
        }
        return merged;
    }

    static Map<ContactKey, MergedContact> mergeContacts(List<ContactRecord> contacts) {
        Map<ContactKey, MergedContact> merged = new LinkedHashMap<>();
        for (ContactRecord record : contacts) {
            merged.computeIfAbsent(record.key(), key -> new MergedContact(record))
                    .merge(record);
        }
        return merged;
    }

    private void runAll(List<UpdateItemRequest> updates) {
        if (updates.size() == 1) {
            dynamoDb.updateItem(updates.get(0));
            return;
        }
        List<CompletableFuture<?>> running = new ArrayList<>(updates.size());
        for (UpdateItemRequest update : updates) {
            running.add(CompletableFuture.runAsync(() -> dynamoDb.updateItem(update), executor));
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

    private static ExecutorService ownedPool() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(DEFAULT_CONCURRENCY, runnable -> {
            Thread thread = new Thread(runnable, "subject-registry-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Every record of one customer in one call, merged as the table would merge them. */
    static final class MergedSubject {
        final String customerId;
        final NoticeLocale locale;
        final Set<String> items = new TreeSet<>();
        final Set<String> manifests = new TreeSet<>();

        @Nullable
        ContactKey email;

        @Nullable
        ContactKey phone;

        @Nullable
        Sealed name;

        MergedSubject(String customerId, NoticeLocale locale) {
            this.customerId = customerId;
            this.locale = locale;
        }

        void merge(SubjectRecord record) {
            record.items().stream().map(ItemKind::code).forEach(items::add);
            manifests.add(record.manifestId());
            email = firstOf(email, record.email());
            phone = firstOf(phone, record.phone());
            name = firstOf(name, record.name());
        }
    }

    /** Every contribution to one contact in one call, merged as the table would merge them. */
    static final class MergedContact {
        final ContactKey key;
        final Sealed value;
        final NoticeLocale locale;
        final Set<String> items = new TreeSet<>();
        final Set<String> customerIds = new TreeSet<>();

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
            record.items().stream().map(ItemKind::code).forEach(items::add);
            customerIds.add(record.customerId());
            name = firstOf(name, record.name());
            smsCapable |= record.smsCapable();
            ownerWithoutEmail |= record.ownerWithoutEmail();
        }
    }

    private static <T> @Nullable T firstOf(@Nullable T current, Optional<T> candidate) {
        return current != null ? current : candidate.orElse(null);
    }
}
