package com.breachnotice.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.manifest.RejectReason;
import com.breachnotice.core.manifest.Rejection;
import com.breachnotice.core.planning.ContactDirectory;
import com.breachnotice.core.planning.ContactPage;
import com.breachnotice.core.planning.ContactProfile;
import com.breachnotice.core.registry.ContactBook;
import com.breachnotice.core.registry.StoredContact;
import com.breachnotice.core.registry.SubjectRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SubjectRegistry} (with the {@link ContactBook} and {@link ContactDirectory} that
 * read what it wrote) must do, run against the in-memory fake and against the DynamoDB adapter on
 * the emulator, so the fake cannot promise what the adapter does not keep (the model: Powertools'
 * persistence-store tests). Ids are unique per test: the adapter's tables are shared by a class.
 */
public abstract class SubjectRegistryContract {

    private static final AtomicInteger RUNS = new AtomicInteger();

    protected final String run = getClass().getSimpleName() + "-" + RUNS.incrementAndGet() + "-";

    protected abstract SubjectRegistry registry();

    protected abstract ContactBook book();

    protected abstract ContactDirectory directory();

    /** Registers one range: its chunks, then settle, and returns everything it reported. */
    private Registered range(String manifestId, List<Registration> rows) {
        Registered chunk = registry().register(manifestId, rows, Unconfirmed.NONE);
        Registered settled = registry().settle(manifestId, chunk.unconfirmed());
        List<Rejection> conflicting = new ArrayList<>(chunk.conflicting());
        conflicting.addAll(settled.conflicting());
        List<Rejection> displaced = new ArrayList<>(chunk.displaced());
        displaced.addAll(settled.displaced());
        Map<String, Set<Long>> merged = new HashMap<>(chunk.mergedLines());
        settled.mergedLines()
                .forEach((k, v) -> merged.merge(k, v, (a, b) -> {
                    Set<Long> both = new HashSet<>(a);
                    both.addAll(b);
                    return both;
                }));
        return new Registered(merged, conflicting, displaced);
    }

    @Test
    void register_newCustomer_contactsReadableWithItemsFlagsAndCustomerRole() {
        ContactKey email = key('E', "new-email");
        ContactKey phone = key('P', "new-phone");

        Registered registered =
                range(run + "m", List.of(customer(2, "c1", Set.of(ItemKind.NAME, ItemKind.EMAIL), email, phone)));

        assertThat(registered.conflicting()).isEmpty();
        assertThat(registered.displaced()).isEmpty();
        StoredContact stored = book().find(email).orElseThrow();
        assertThat(stored.items()).containsExactlyInAnyOrder(ItemKind.NAME, ItemKind.EMAIL);
        assertThat(stored.roles()).containsOnlyKeys(SubjectRole.CUSTOMER);
        assertThat(stored.smsCapable()).isFalse();
        assertThat(stored.locale()).isEqualTo(NoticeLocale.KO);
        assertThat(stored.value()).isEqualTo(new Sealed("value-" + email.value(), "dk"));
        assertThat(book().find(phone).orElseThrow().smsCapable()).isTrue();
    }

    @Test
    void find_unknownKey_absent() {
        assertThat(book().find(key('E', "never-registered"))).isEmpty();
        assertThat(book().find(List.of(key('P', "never-registered")))).isEmpty();
    }

    @Test
    void register_sameRangeTwice_sameContactsAndNothingNewReported() {
        ContactKey email = key('E', "twice");
        List<Registration> rows = List.of(customer(2, "c1", Set.of(ItemKind.NAME), email, null));
        range(run + "m", rows);
        StoredContact first = book().find(email).orElseThrow();

        Registered again = range(run + "m", rows);

        assertThat(again.conflicting()).isEmpty();
        assertThat(again.displaced()).isEmpty();
        assertThat(again.mergedLines()).isEmpty();
        assertThat(book().find(email)).contains(first);
    }

    @Test
    void register_twoCustomersShareAnEmail_itemsUnion_ownerWithoutEmailOred() {
        ContactKey shared = key('P', "family-phone");
        range(run + "m", List.of(customer(2, "c1", Set.of(ItemKind.NAME), null, shared)));
        range(run + "m2", List.of(customer(2, "c2", Set.of(ItemKind.ORDER_HISTORY), null, shared)));

        StoredContact stored = book().find(shared).orElseThrow();
        assertThat(stored.items()).containsExactlyInAnyOrder(ItemKind.NAME, ItemKind.ORDER_HISTORY);
        assertThat(stored.ownerWithoutEmail()).isTrue();
    }

    @Test
    void register_laterLineWithOtherContacts_refusedConflictingAndStoredKept() {
        ContactKey first = key('E', "first");
        ContactKey other = key('E', "other");
        range(run + "m", List.of(customer(2, "c1", Set.of(ItemKind.NAME), first, null)));

        Registered registered = range(run + "m", List.of(customer(9, "c1", Set.of(ItemKind.EMAIL), other, null)));

        assertThat(registered.conflicting())
                .containsExactly(new Rejection(9, run + "c1", RejectReason.CONFLICTING_CONTACT));
        assertThat(book().find(other)).isEmpty();
        assertThat(book().find(first).orElseThrow().items()).containsExactly(ItemKind.NAME);
    }

    @Test
    void register_lowerLineLoadedLater_displacesTheHigherLine() {
        ContactKey higher = key('E', "higher");
        ContactKey lower = key('E', "lower");
        range(run + "m", List.of(customer(50, "c1", Set.of(ItemKind.NAME), higher, null)));

        Registered registered = range(run + "m", List.of(customer(5, "c1", Set.of(ItemKind.PHONE), lower, null)));

        assertThat(registered.displaced())
                .containsExactly(new Rejection(50, run + "c1", RejectReason.CONFLICTING_CONTACT));
        assertThat(book().find(higher)).isEmpty();
        assertThat(book().find(lower).orElseThrow().items()).containsExactly(ItemKind.PHONE);
    }

    @Test
    void register_sameCustomerInTwoRanges_mergeReportedWithBothLines() {
        ContactKey email = key('E', "two-ranges");
        range(run + "m", List.of(customer(2, "c1", Set.of(ItemKind.NAME), email, null)));

        Registered registered = range(run + "m", List.of(customer(70, "c1", Set.of(ItemKind.EMAIL), email, null)));

        assertThat(registered.mergedLines()).containsEntry(run + "c1", Set.of(2L, 70L));
        assertThat(book().find(email).orElseThrow().items()).containsExactlyInAnyOrder(ItemKind.NAME, ItemKind.EMAIL);
    }

    @Test
    void register_addressBookEntriesOfOnePhone_onePersonWithTheUnionInTheBookRole() {
        ContactKey phone = key('P', "book-person");
        range(
                run + "book",
                List.of(
                        entry(2, false, phone, Set.of(ItemKind.PHONE, ItemKind.NAME)),
                        entry(3, true, phone, Set.of(ItemKind.PHONE, ItemKind.ADDRESS))));
        Registered later =
                range(run + "book", List.of(entry(40, false, phone, Set.of(ItemKind.PHONE, ItemKind.ENTRANCE_CODE))));

        assertThat(later.conflicting()).isEmpty();
        assertThat(later.mergedLines()).containsEntry(SubjectRecord.addressBookId(phone), Set.of(2L, 40L));
        StoredContact stored = book().find(phone).orElseThrow();
        Set<ItemKind> all = EnumSet.of(ItemKind.PHONE, ItemKind.NAME, ItemKind.ADDRESS, ItemKind.ENTRANCE_CODE);
        assertThat(stored.items()).isEqualTo(all);
        assertThat(stored.roles()).isEqualTo(Map.of(SubjectRole.ADDRESS_BOOK, all));
        assertThat(stored.smsCapable()).isTrue();
        assertThat(stored.ownerWithoutEmail()).isTrue();
    }

    @Test
    void register_customerPhoneAlsoInABook_bothRolesEachWithItsItems() {
        ContactKey phone = key('P', "both-roles");
        ContactKey email = key('E', "both-roles");
        range(run + "m", List.of(customer(2, "c1", Set.of(ItemKind.EMAIL, ItemKind.ORDER_HISTORY), email, phone)));
        range(run + "book", List.of(entry(2, false, phone, Set.of(ItemKind.PHONE, ItemKind.ADDRESS))));

        StoredContact stored = book().find(phone).orElseThrow();
        assertThat(stored.roles())
                .isEqualTo(Map.of(
                        SubjectRole.CUSTOMER, Set.of(ItemKind.EMAIL, ItemKind.ORDER_HISTORY),
                        SubjectRole.ADDRESS_BOOK, Set.of(ItemKind.PHONE, ItemKind.ADDRESS)));
        assertThat(stored.items())
                .containsExactlyInAnyOrder(ItemKind.EMAIL, ItemKind.ORDER_HISTORY, ItemKind.PHONE, ItemKind.ADDRESS);
        assertThat(book().find(email).orElseThrow().roles()).containsOnlyKeys(SubjectRole.CUSTOMER);
    }

    @Test
    void scan_everyRegisteredContactOnceOverAllSegments() {
        List<ContactKey> keys = new ArrayList<>();
        List<Registration> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ContactKey email = key('E', "scan-" + i);
            keys.add(email);
            rows.add(customer(i + 2, "s" + i, Set.of(ItemKind.NAME), email, null));
        }
        range(run + "scan", rows);

        Set<ContactKey> seen = new HashSet<>();
        for (int segment = 0; segment < 3; segment++) {
            Optional<String> start = Optional.empty();
            do {
                ContactPage page = directory().scan(segment, 3, start, 7);
                for (ContactProfile profile : page.contacts()) {
                    assertThat(seen.add(profile.key())).as("each contact once").isTrue();
                }
                start = page.nextStartKey();
            } while (start.isPresent());
        }
        assertThat(seen).containsAll(keys);
    }

    protected ContactKey key(char kind, String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((run + seed).getBytes(StandardCharsets.UTF_8));
            return new ContactKey(kind + "1" + HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Registration customer(
            long line, String id, Set<ItemKind> items, @Nullable ContactKey email, @Nullable ContactKey phone) {
        String customerId = run + id;
        Optional<Sealed> name = Optional.of(new Sealed("name-" + customerId, "dk"));
        List<ContactRecord> contacts = new ArrayList<>();
        if (email != null) {
            contacts.add(new ContactRecord(
                    email,
                    new Sealed("value-" + email.value(), "dk"),
                    name,
                    NoticeLocale.KO,
                    items,
                    customerId,
                    false,
                    false));
        }
        if (phone != null) {
            contacts.add(new ContactRecord(
                    phone,
                    new Sealed("value-" + phone.value(), "dk"),
                    name,
                    NoticeLocale.KO,
                    items,
                    customerId,
                    true,
                    email == null));
        }
        SubjectRecord subject = new SubjectRecord(
                customerId,
                items,
                NoticeLocale.KO,
                Optional.ofNullable(email),
                Optional.ofNullable(phone),
                name,
                "manifest");
        return new Registration(line, false, subject, contacts);
    }

    private static Registration entry(long line, boolean repeat, ContactKey phone, Set<ItemKind> items) {
        String id = SubjectRecord.addressBookId(phone);
        ContactRecord contact = new ContactRecord(
                phone,
                new Sealed("value-" + phone.value(), "dk"),
                Optional.empty(),
                NoticeLocale.KO,
                items,
                id,
                true,
                true,
                SubjectRole.ADDRESS_BOOK);
        SubjectRecord subject = new SubjectRecord(
                id, items, NoticeLocale.KO, Optional.empty(), Optional.of(phone), Optional.empty(), "book");
        return new Registration(line, repeat, subject, List.of(contact));
    }
}
