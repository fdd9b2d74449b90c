package com.breachnotice.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKind;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.intake.ContactRecord;
import com.breachnotice.core.intake.Registered;
import com.breachnotice.core.intake.Registration;
import com.breachnotice.core.intake.SubjectRecord;
import com.breachnotice.core.intake.Unconfirmed;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.manifest.RejectReason;
import com.breachnotice.core.manifest.Rejection;
import com.breachnotice.core.planning.ContactPage;
import com.breachnotice.core.planning.ContactProfile;
import com.breachnotice.core.registry.StoredContact;
import com.breachnotice.emulator.ProvisionedStack;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The batched registry on the emulator: merging writes read back through the contact book and the
 * contact directory, reloads that write nothing, the cross-range rule, the repair of a blind put that
 * a concurrent writer overwrote, and the requests a chunk costs (counted by an SDK interceptor).
 */
class DynamoDbSubjectRegistryIT {

    private static final RequestCounter REQUESTS = new RequestCounter();

    private static DynamoDbClient dynamoDb;
    private static String subjectTable;
    private static String contactTable;
    private static DynamoDbSubjectRegistry registry;
    private static DynamoDbContactBook book;
    private static DynamoDbContactDirectory directory;

    @BeforeAll
    static void provision() {
        ProvisionedStack stack = TestStacks.provision(DynamoDbSubjectRegistryIT.class);
        TestStacks.clients();
        dynamoDb = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(REQUESTS))
                .build();
        subjectTable = stack.physicalId("SubjectTable");
        contactTable = stack.physicalId("ContactTable");
        registry = new DynamoDbSubjectRegistry(dynamoDb, subjectTable, contactTable);
        book = new DynamoDbContactBook(dynamoDb, contactTable);
        directory = new DynamoDbContactDirectory(dynamoDb, contactTable);
    }

    @AfterAll
    static void close() {
        dynamoDb.close();
    }

    @Test
    void register_sameRowsTwice_leavesTheSameItemsAndWritesNothing() {
        ContactKey email = TestStacks.emailKey("twice@example.com");
        List<Registration> rows = List.of(row("m1", 2, "cust-twice", Set.of(ItemKind.NAME, ItemKind.EMAIL), email));

        register("m1", rows);
        settle("m1");
        Map<String, AttributeValue> subjectOnce = item(subjectTable, "customerId", "cust-twice");
        Map<String, AttributeValue> contactOnce = item(contactTable, "contactKey", email.value());
        REQUESTS.reset();
        Registered again = register("m1", rows);
        settle("m1");

        assertThat(again).isEqualTo(Registered.NOTHING);
        assertThat(REQUESTS.snapshot()).containsOnlyKeys("BatchGetItem");
        assertThat(item(subjectTable, "customerId", "cust-twice")).isEqualTo(subjectOnce);
        assertThat(item(contactTable, "contactKey", email.value())).isEqualTo(contactOnce);
        assertThat(subjectOnce.get("items").ss()).containsExactlyInAnyOrder("name", "email");
        assertThat(subjectOnce.get("emailKey").s()).isEqualTo(email.value());
        assertThat(subjectOnce.get("nameCipher").s()).isEqualTo("name-of-cust-twice");
    }

    @Test
    void register_secondManifest_unionsItemsOwnersAndManifests_keepsFirstValues() {
        ContactKey phone = TestStacks.phoneKey("+821011112222");
        register("m1", List.of(row("m1", 2, "cust-a", Set.of(ItemKind.PHONE), phone)));
        settle("m1");

        register(
                "m2",
                List.of(
                        row("m2", 2, "cust-a", Set.of(ItemKind.ORDER_HISTORY), phone),
                        row("m2", 3, "cust-b", Set.of(ItemKind.ADDRESS_BOOK), phone),
                        row("m2", 4, "cust-c", Set.of(ItemKind.ENTRANCE_CODE), phone)));
        settle("m2");

        Map<String, AttributeValue> subject = item(subjectTable, "customerId", "cust-a");
        assertThat(subject.get("items").ss()).containsExactlyInAnyOrder("phone", "order_history");
        assertThat(subject.get("manifests").ss()).containsExactlyInAnyOrder("m1", "m2");
        StoredContact stored = book.find(phone).orElseThrow();
        assertThat(stored.items())
                .containsExactlyInAnyOrder(
                        ItemKind.PHONE, ItemKind.ORDER_HISTORY, ItemKind.ADDRESS_BOOK, ItemKind.ENTRANCE_CODE);
        assertThat(stored.value()).isEqualTo(new Sealed("value-of-cust-a", "m1"));
        assertThat(stored.ownerWithoutEmail()).isTrue();
        assertThat(stored.smsCapable()).isTrue();
        assertThat(item(contactTable, "contactKey", phone.value())
                        .get("customerIds")
                        .ss())
                .containsExactlyInAnyOrder("cust-a", "cust-b", "cust-c");
    }

    @Test
    void register_nameArrivingLater_keepsItsOwnDataKey() {
        ContactKey email = TestStacks.emailKey("late-name@example.com");
        Registration withoutName = new Registration(
                2,
                false,
                new SubjectRecord(
                        "x",
                        Set.of(ItemKind.EMAIL),
                        NoticeLocale.EN,
                        Optional.of(email),
                        Optional.empty(),
                        Optional.empty(),
                        "m1"),
                List.of(new ContactRecord(
                        email,
                        new Sealed("v", "key-1"),
                        Optional.empty(),
                        NoticeLocale.EN,
                        Set.of(ItemKind.EMAIL),
                        "x",
                        false,
                        false)));
        register("m1", List.of(withoutName));
        register("m1", List.of(row("m1", 3, "y", Set.of(ItemKind.NAME), email)));
        settle("m1");

        StoredContact stored = book.find(email).orElseThrow();
        assertThat(stored.value()).isEqualTo(new Sealed("v", "key-1"));
        assertThat(stored.name()).contains(new Sealed("name-of-y", "m1"));
        assertThat(stored.locale()).isEqualTo(NoticeLocale.EN);
    }

    @Test
    void register_lowerLineOfOtherRangeArrivesLater_displacesTheHigherOne() {
        ContactKey later = TestStacks.emailKey("displaced@example.com");
        ContactKey lower = TestStacks.emailKey("winner@example.com");
        register("m3", List.of(row("m3", 100, "cust-d", Set.of(ItemKind.NAME), later)));
        settle("m3");

        Registered registered = register("m3", List.of(row("m3", 10, "cust-d", Set.of(ItemKind.PHONE), lower)));
        settle("m3");
        Registered conflicting = register("m3", List.of(row("m3", 200, "cust-d", Set.of(ItemKind.EMAIL), later)));
        settle("m3");

        assertThat(registered.displaced())
                .containsExactly(new Rejection(100, "cust-d", RejectReason.CONFLICTING_CONTACT));
        assertThat(conflicting.conflicting())
                .containsExactly(new Rejection(200, "cust-d", RejectReason.CONFLICTING_CONTACT));
        Map<String, AttributeValue> subject = item(subjectTable, "customerId", "cust-d");
        assertThat(subject.get("emailKey").s()).isEqualTo(lower.value());
        assertThat(subject.get("items").ss()).containsExactly("phone");
        assertThat(book.find(later)).isEmpty();
        assertThat(book.find(lower)).isPresent();
    }

    @Test
    void register_displacingRowSharesTheEmail_customerStaysOnTheSharedContactOnly() {
        ContactKey shared = TestStacks.emailKey("shared-email@example.com");
        ContactKey loserPhone = TestStacks.phoneKey("+821033334444");
        ContactKey winnerPhone = TestStacks.phoneKey("+821055556666");
        register("m6", List.of(twoContacts("m6", 100, "cust-h", shared, loserPhone)));
        settle("m6");

        Registered registered = register("m6", List.of(twoContacts("m6", 10, "cust-h", shared, winnerPhone)));
        settle("m6");

        assertThat(registered.displaced()).extracting(Rejection::line).containsExactly(100L);
        assertThat(item(contactTable, "contactKey", shared.value())
                        .get("customerIds")
                        .ss())
                .containsExactly("cust-h");
        assertThat(book.find(loserPhone)).isEmpty();
        assertThat(book.find(winnerPhone)).isPresent();
        assertThat(item(subjectTable, "customerId", "cust-h").get("phoneKey").s())
                .isEqualTo(winnerPhone.value());
    }

    @Test
    void register_blindPutOverwrittenByConcurrentWriter_repairedOneChunkLater() {
        ContactKey shared = TestStacks.emailKey("shared-by-two-ranges@example.com");
        register("m4", List.of(row("m4", 2, "cust-e", Set.of(ItemKind.NAME), shared)));
        // Another range read "absent" before our put and put its own item after it.
        dynamoDb.putItem(b -> b.tableName(contactTable)
                .item(Map.of(
                        "contactKey", AttributeValue.fromS(shared.value()),
                        "kind", AttributeValue.fromS("email"),
                        "items", AttributeValue.fromSs(List.of("address_book")),
                        "customerIds", AttributeValue.fromSs(List.of("cust-f")),
                        "valueCipher", AttributeValue.fromS("other"),
                        "dataKey", AttributeValue.fromS("other-key"),
                        "locale", AttributeValue.fromS("ko"),
                        "smsCapable", AttributeValue.fromBool(false),
                        "ownerWithoutEmail", AttributeValue.fromBool(false))));

        register("m4", List.of(row("m4", 3, "cust-g", Set.of(ItemKind.PHONE), TestStacks.emailKey("g"))));

        Map<String, AttributeValue> contact = item(contactTable, "contactKey", shared.value());
        assertThat(contact.get("customerIds").ss()).containsExactlyInAnyOrder("cust-e", "cust-f");
        assertThat(contact.get("items").ss()).containsExactlyInAnyOrder("name", "address_book");
        settle("m4");
    }

    @Test
    void register_thousandRows_fewRequestsPerThousandRows_andEveryContactFound() {
        List<Registration> rows = new ArrayList<>();
        List<ContactKey> keys = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ContactKey key = TestStacks.emailKey("many-" + i + "@example.com");
            keys.add(key);
            rows.add(row("m5", i + 2, "many-" + i, Set.of(ItemKind.EMAIL), key));
        }
        REQUESTS.reset();
        for (int from = 0; from < rows.size(); from += 100) {
            register("m5", rows.subList(from, from + 100));
        }
        settle("m5");
        int firstLoad = REQUESTS.total();
        REQUESTS.reset();
        for (int from = 0; from < rows.size(); from += 100) {
            register("m5", rows.subList(from, from + 100));
        }
        settle("m5");
        int reload = REQUESTS.total();

        // 1,000 subjects and 1,000 contacts: 20 BatchGetItem, 80 BatchWriteItem, 20 verifying reads.
        assertThat(firstLoad)
                .as("requests of a first load: %s", REQUESTS.snapshot())
                .isLessThanOrEqualTo(130);
        assertThat(reload).as("a reload only reads").isEqualTo(20);

        List<ContactKey> asked = new ArrayList<>(keys);
        asked.add(TestStacks.emailKey("not-registered"));
        Map<ContactKey, StoredContact> found = book.find(asked);
        assertThat(found).hasSize(1000).containsOnlyKeys(keys);
        Set<ContactKey> scanned = new HashSet<>();
        int totalSegments = 4;
        for (int segment = 0; segment < totalSegments; segment++) {
            Optional<String> start = Optional.empty();
            do {
                ContactPage page = directory.scan(segment, totalSegments, start, 250);
                page.contacts().stream()
                        .map(ContactProfile::key)
                        .forEach(key -> assertThat(scanned.add(key))
                                .as("each contact once")
                                .isTrue());
                start = page.nextStartKey();
            } while (start.isPresent());
        }
        assertThat(scanned).containsAll(keys);
    }

    private static Map<String, AttributeValue> item(String table, String keyName, String key) {
        return dynamoDb.getItem(b -> b.tableName(table)
                        .key(Map.of(keyName, AttributeValue.fromS(key)))
                        .consistentRead(true))
                .item();
    }

    private static Registration twoContacts(
            String manifestId, long line, String customerId, ContactKey email, ContactKey phone) {
        Sealed name = new Sealed("name-of-" + customerId, manifestId);
        Set<ItemKind> items = Set.of(ItemKind.EMAIL, ItemKind.PHONE);
        return new Registration(
                line,
                false,
                new SubjectRecord(
                        customerId,
                        items,
                        NoticeLocale.KO,
                        Optional.of(email),
                        Optional.of(phone),
                        Optional.of(name),
                        manifestId),
                List.of(
                        new ContactRecord(
                                email,
                                new Sealed("e", manifestId),
                                Optional.of(name),
                                NoticeLocale.KO,
                                items,
                                customerId,
                                false,
                                false),
                        new ContactRecord(
                                phone,
                                new Sealed("p", manifestId),
                                Optional.of(name),
                                NoticeLocale.KO,
                                items,
                                customerId,
                                true,
                                false)));
    }

    /** A row whose one contact is {@code key}; sealed values name their owner and manifest. */
    private static Registration row(
            String manifestId, long line, String customerId, Set<ItemKind> items, ContactKey key) {
        boolean phone = key.kind() == ContactKind.PHONE;
        Sealed name = new Sealed("name-of-" + customerId, manifestId);
        SubjectRecord subject = new SubjectRecord(
                customerId,
                items,
                NoticeLocale.KO,
                phone ? Optional.empty() : Optional.of(key),
                phone ? Optional.of(key) : Optional.empty(),
                Optional.of(name),
                manifestId);
        ContactRecord contact = new ContactRecord(
                key,
                new Sealed("value-of-" + customerId, manifestId),
                Optional.of(name),
                NoticeLocale.KO,
                items,
                customerId,
                phone,
                phone);
        return new Registration(line, false, subject, List.of(contact));
    }

    /** The range's side of the registry's protocol: what a chunk left unconfirmed goes with the next. */
    private static final Map<String, Unconfirmed> UNCONFIRMED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Registered register(String manifestId, List<Registration> rows) {
        Registered registered =
                registry.register(manifestId, rows, UNCONFIRMED.getOrDefault(manifestId, Unconfirmed.NONE));
        UNCONFIRMED.put(manifestId, registered.unconfirmed());
        return registered;
    }

    private static Registered settle(String manifestId) {
        Unconfirmed last = UNCONFIRMED.remove(manifestId);
        return registry.settle(manifestId, last == null ? Unconfirmed.NONE : last);
    }
}
