package com.breachnotice.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.intake.ContactRecord;
import com.breachnotice.core.intake.SubjectRecord;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The registry's merging writes, read back through the contact book and the contact directory. */
class DynamoDbSubjectRegistryIT {

    private static DynamoDbClient dynamoDb;
    private static String subjectTable;
    private static String contactTable;
    private static DynamoDbSubjectRegistry registry;
    private static DynamoDbContactBook book;
    private static DynamoDbContactDirectory directory;

    @BeforeAll
    static void provision() {
        ProvisionedStack stack = TestStacks.provision(DynamoDbSubjectRegistryIT.class);
        dynamoDb = TestStacks.clients().dynamoDb();
        subjectTable = stack.physicalId("SubjectTable");
        contactTable = stack.physicalId("ContactTable");
        registry = new DynamoDbSubjectRegistry(dynamoDb, subjectTable, contactTable);
        book = new DynamoDbContactBook(dynamoDb, contactTable);
        directory = new DynamoDbContactDirectory(dynamoDb, contactTable);
    }

    @AfterAll
    static void close() {
        registry.close();
    }

    @Test
    void register_sameRowsTwice_leavesTheSameItems() {
        ContactKey email = TestStacks.emailKey("twice@example.com");
        SubjectRecord subject = subject("cust-twice", Set.of(ItemKind.NAME, ItemKind.EMAIL), Optional.of(email), "m1");
        ContactRecord contact = contact(email, "cust-twice", Set.of(ItemKind.NAME, ItemKind.EMAIL), false, "k1");

        registry.register(List.of(subject), List.of(contact));
        Map<String, AttributeValue> subjectOnce = item(subjectTable, "customerId", "cust-twice");
        Map<String, AttributeValue> contactOnce = item(contactTable, "contactKey", email.value());
        registry.register(List.of(subject), List.of(contact));

        assertThat(item(subjectTable, "customerId", "cust-twice")).isEqualTo(subjectOnce);
        assertThat(item(contactTable, "contactKey", email.value())).isEqualTo(contactOnce);
        assertThat(subjectOnce.get("items").ss()).containsExactlyInAnyOrder("name", "email");
        assertThat(subjectOnce.get("emailKey").s()).isEqualTo(email.value());
        assertThat(subjectOnce.get("nameCipher").s()).isEqualTo("name-of-cust-twice");
    }

    @Test
    void register_secondManifest_unionsItemsOwnersAndManifests_keepsFirstValues() {
        ContactKey phone = TestStacks.phoneKey("+821011112222");
        registry.register(
                List.of(subject("cust-a", Set.of(ItemKind.PHONE), Optional.empty(), "m1")),
                List.of(contact(phone, "cust-a", Set.of(ItemKind.PHONE), false, "k1")));

        registry.register(
                List.of(subject("cust-a", Set.of(ItemKind.ORDER_HISTORY), Optional.empty(), "m2")),
                List.of(
                        contact(phone, "cust-b", Set.of(ItemKind.ADDRESS_BOOK), true, "k2"),
                        contact(phone, "cust-c", Set.of(ItemKind.ENTRANCE_CODE), false, "k2")));

        Map<String, AttributeValue> subject = item(subjectTable, "customerId", "cust-a");
        assertThat(subject.get("items").ss()).containsExactlyInAnyOrder("phone", "order_history");
        assertThat(subject.get("manifests").ss()).containsExactlyInAnyOrder("m1", "m2");
        StoredContact stored = book.find(phone).orElseThrow();
        assertThat(stored.items())
                .containsExactlyInAnyOrder(ItemKind.PHONE, ItemKind.ADDRESS_BOOK, ItemKind.ENTRANCE_CODE);
        assertThat(stored.value()).isEqualTo(new Sealed("value-k1", "k1"));
        assertThat(stored.ownerWithoutEmail()).isTrue();
        assertThat(stored.smsCapable()).isTrue();
        assertThat(item(contactTable, "contactKey", phone.value())
                        .get("customerIds")
                        .ss())
                .containsExactlyInAnyOrder("cust-a", "cust-b", "cust-c");

        // A later owner with an email does not turn the flag back.
        registry.register(List.of(), List.of(contact(phone, "cust-d", Set.of(ItemKind.PHONE), false, "k3")));
        assertThat(book.find(phone).orElseThrow().ownerWithoutEmail()).isTrue();
    }

    @Test
    void register_nameArrivingLater_keepsItsOwnDataKey() {
        ContactKey email = TestStacks.emailKey("late-name@example.com");
        ContactRecord withoutName = new ContactRecord(
                email,
                new Sealed("v", "key-1"),
                Optional.empty(),
                NoticeLocale.EN,
                Set.of(ItemKind.EMAIL),
                "x",
                false,
                false);
        registry.register(List.of(), List.of(withoutName));
        registry.register(List.of(), List.of(contact(email, "y", Set.of(ItemKind.NAME), false, "key-2")));

        StoredContact stored = book.find(email).orElseThrow();
        assertThat(stored.value()).isEqualTo(new Sealed("v", "key-1"));
        assertThat(stored.name()).contains(new Sealed("name-of-y", "key-2"));
        assertThat(stored.locale()).isEqualTo(NoticeLocale.EN);
    }

    @Test
    void bookAndDirectory_returnEveryContact_acrossChunksSegmentsAndPages() {
        List<ContactRecord> contacts = new ArrayList<>();
        List<ContactKey> keys = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            ContactKey key = TestStacks.emailKey("many-" + i + "@example.com");
            keys.add(key);
            contacts.add(contact(key, "many-" + i, Set.of(ItemKind.EMAIL), false, "k"));
        }
        registry.register(List.of(), contacts);

        List<ContactKey> asked = new ArrayList<>(keys);
        asked.add(TestStacks.emailKey("not-registered"));
        asked.add(keys.get(0));
        Map<ContactKey, StoredContact> found = book.find(asked);
        assertThat(found).hasSize(230).containsOnlyKeys(keys);

        Set<ContactKey> scanned = new HashSet<>();
        int totalSegments = 4;
        for (int segment = 0; segment < totalSegments; segment++) {
            Optional<String> start = Optional.empty();
            do {
                ContactPage page = directory.scan(segment, totalSegments, start, 25);
                assertThat(page.contacts()).hasSizeLessThanOrEqualTo(25);
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

    private static SubjectRecord subject(
            String customerId, Set<ItemKind> items, Optional<ContactKey> email, String manifestId) {
        return new SubjectRecord(
                customerId,
                items,
                NoticeLocale.KO,
                email,
                Optional.empty(),
                Optional.of(new Sealed("name-of-" + customerId, "subject-key")),
                manifestId);
    }

    private static ContactRecord contact(
            ContactKey key, String customerId, Set<ItemKind> items, boolean ownerWithoutEmail, String dataKey) {
        return new ContactRecord(
                key,
                new Sealed("value-" + dataKey, dataKey),
                Optional.of(new Sealed("name-of-" + customerId, dataKey)),
                NoticeLocale.KO,
                items,
                customerId,
                key.kind() == com.breachnotice.core.contact.ContactKind.PHONE,
                ownerWithoutEmail);
    }
}
