package com.breachnotice.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.aws.kms.KmsDataKeyProvider;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.contact.ContactNormalizer;
import com.breachnotice.core.contact.Pepper;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.intake.ContactRecord;
import com.breachnotice.core.intake.Registered;
import com.breachnotice.core.intake.Registration;
import com.breachnotice.core.intake.SubjectRecord;
import com.breachnotice.core.intake.Unconfirmed;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.registry.StoredContact;
import com.breachnotice.emulator.ProvisionedStack;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SMS fallback's reads on the emulator, over subjects and contacts loaded through the real
 * registry, keyed and sealed the way intake keys and seals them: which phones an email's owners
 * answer with, and that each opens (through KMS) to its owner's number.
 */
class DynamoDbFallbackContactsIT {

    private static final ContactNormalizer NORMALIZER = ContactNormalizer.korea();
    private static final String MANIFEST = "fallback-manifest";

    private static KmsDataKeyProvider keys;
    private static ContactKeyer keyer;
    private static ContactCipher cipher;
    private static DynamoDbSubjectRegistry registry;
    private static DynamoDbFallbackContacts fallback;
    private static long line = 2;

    @BeforeAll
    static void provision() {
        ProvisionedStack stack = TestStacks.provision(DynamoDbFallbackContactsIT.class);
        var aws = TestStacks.clients();
        keys = new KmsDataKeyProvider(aws.kms(), stack.attribute("ContactKey", "Arn"));
        byte[] pepper = new byte[32];
        new SecureRandom().nextBytes(pepper);
        keyer = new ContactKeyer(new Pepper(pepper));
        cipher = new ContactCipher(keys);
        String subjects = stack.physicalId("SubjectTable");
        String contacts = stack.physicalId("ContactTable");
        registry = new DynamoDbSubjectRegistry(aws.dynamoDb(), subjects, contacts);
        fallback = new DynamoDbFallbackContacts(aws.dynamoDb(), contacts, subjects);
    }

    @AfterAll
    static void close() {}

    @Test
    void phonesOfOwners_oneOwnerWithMobile_thatPhoneSealedToItsNumber() {
        load(row("one-owner", "one-owner@example.com", "+82 10 0000 0001"));

        List<StoredContact> phones = fallback.phonesOfOwners(emailKey("one-owner@example.com"));

        assertThat(phones).singleElement().satisfies(phone -> {
            assertThat(phone.key()).isEqualTo(phoneKey("+82 10 0000 0001"));
            assertThat(phone.smsCapable()).isTrue();
            // Another worker's cipher: it has only the wrapped data key and must unwrap it through KMS.
            assertThat(new ContactCipher(keys).open(phone.value(), phone.key().value()))
                    .isEqualTo("+821000000001");
        });
    }

    @Test
    void phonesOfOwners_emailSharedByTwoAccounts_bothPhones() {
        load(
                row("shared-a", "shared@example.org", "010-0000-0011"),
                row("shared-b", "shared@example.org", "010-0000-0012"));

        List<StoredContact> phones = fallback.phonesOfOwners(emailKey("shared@example.org"));

        assertThat(phones)
                .extracting(StoredContact::key)
                .containsExactlyInAnyOrder(phoneKey("010-0000-0011"), phoneKey("010-0000-0012"));
        assertThat(phones)
                .extracting(phone -> cipher.open(phone.value(), phone.key().value()))
                .containsExactlyInAnyOrder("+821000000011", "+821000000012");
    }

    @Test
    void phonesOfOwners_ownerWithoutPhone_none() {
        load(row("no-phone", "no-phone@example.com", null));

        assertThat(fallback.phonesOfOwners(emailKey("no-phone@example.com"))).isEmpty();
    }

    /**
     * docs/manifest.md: a landline "is kept for the lookup but gets no SMS"; the port promises "the
     * SMS-capable phone contacts". A co-owner's mobile is still answered.
     */
    @Test
    void phonesOfOwners_landline_notAnswered_coOwnersMobileIs() {
        load(row("landline-only", "landline@example.com", "02-2000-0021"));
        load(
                row("landline-shared", "landline-shared@example.com", "02-2000-0022"),
                row("mobile-shared", "landline-shared@example.com", "010-0000-0022"));
        assertThat(NORMALIZER.phone("02-2000-0021").orElseThrow().smsCapable()).isFalse();

        assertThat(fallback.phonesOfOwners(emailKey("landline@example.com"))).isEmpty();
        assertThat(fallback.phonesOfOwners(emailKey("landline-shared@example.com")))
                .extracting(StoredContact::key)
                .containsExactly(phoneKey("010-0000-0022"));
    }

    @Test
    void phonesOfOwners_exactlyMaxOwners_allPhones_oneMore_none() {
        List<Registration> atLimit = new ArrayList<>();
        List<ContactKey> limitPhones = new ArrayList<>();
        for (int i = 0; i < DynamoDbFallbackContacts.MAX_OWNERS; i++) {
            String phone = "010-0001-%04d".formatted(i);
            atLimit.add(row("at-limit-" + i, "at-limit@example.com", phone));
            limitPhones.add(phoneKey(phone));
        }
        List<Registration> overLimit = new ArrayList<>();
        for (int i = 0; i <= DynamoDbFallbackContacts.MAX_OWNERS; i++) {
            overLimit.add(row("over-limit-" + i, "over-limit@example.com", "010-0002-%04d".formatted(i)));
        }
        load(atLimit.toArray(Registration[]::new));
        load(overLimit.toArray(Registration[]::new));

        assertThat(fallback.phonesOfOwners(emailKey("at-limit@example.com")))
                .extracting(StoredContact::key)
                .containsExactlyInAnyOrderElementsOf(limitPhones);
        assertThat(fallback.phonesOfOwners(emailKey("over-limit@example.com"))).isEmpty();
    }

    @Test
    void phonesOfOwners_unknownEmail_none() {
        load(row("known", "known@example.com", "010-0000-0031"));

        assertThat(fallback.phonesOfOwners(emailKey("unknown@example.com"))).isEmpty();
        assertThat(fallback.phonesOfOwners(emailKey("known@example.com"))).hasSize(1);
    }

    private static void load(Registration... rows) {
        register(MANIFEST, List.of(rows));
        settle(MANIFEST);
    }

    private static ContactKey emailKey(String raw) {
        return keyer.keyOf(NORMALIZER.email(raw).orElseThrow());
    }

    private static ContactKey phoneKey(String raw) {
        return keyer.keyOf(NORMALIZER.phone(raw).orElseThrow());
    }

    /** One accepted manifest row, keyed and sealed as intake does it (IntakeService's loader). */
    private static Registration row(String customerId, String rawEmail, @Nullable String rawPhone) {
        Set<ItemKind> items = Set.of(ItemKind.EMAIL, ItemKind.PHONE);
        Contact email = NORMALIZER.email(rawEmail).orElseThrow();
        Optional<Contact> phone =
                Optional.ofNullable(rawPhone).map(raw -> NORMALIZER.phone(raw).orElseThrow());
        List<ContactRecord> contacts = new ArrayList<>();
        contacts.add(contact(customerId, email, items, false));
        phone.ifPresent(p -> contacts.add(contact(customerId, p, items, false)));
        SubjectRecord subject = new SubjectRecord(
                customerId,
                items,
                NoticeLocale.KO,
                Optional.of(keyer.keyOf(email)),
                phone.map(keyer::keyOf),
                Optional.empty(),
                MANIFEST);
        return new Registration(line++, false, subject, contacts);
    }

    private static ContactRecord contact(
            String customerId, Contact contact, Set<ItemKind> items, boolean ownerWithoutEmail) {
        ContactKey key = keyer.keyOf(contact);
        return new ContactRecord(
                key,
                cipher.seal(contact.value(), key.value()),
                Optional.empty(),
                NoticeLocale.KO,
                items,
                customerId,
                contact.smsCapable(),
                ownerWithoutEmail);
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
