package com.breachnotice.core.testing;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.intake.ContactRecord;
import com.breachnotice.core.intake.Registered;
import com.breachnotice.core.intake.Registration;
import com.breachnotice.core.intake.SubjectMerge;
import com.breachnotice.core.intake.SubjectRecord;
import com.breachnotice.core.intake.SubjectRegistry;
import com.breachnotice.core.intake.Unconfirmed;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The subjects and contacts tables in memory, merging as the real registry does: items and owners
 * are unions, the first locale, value and name are kept, {@code smsCapable} and
 * {@code ownerWithoutEmail} are ORed. It is also the {@link ContactBook} the sender reads and the
 * {@link ContactDirectory} the planner scans, so one fake carries a manifest from intake to sending.
 */
public final class InMemorySubjectRegistry implements SubjectRegistry, ContactBook, ContactDirectory {

    private final Map<String, Subject> subjects = new TreeMap<>();
    private final Map<ContactKey, Merged> contacts = new TreeMap<>();
    private final List<Integer> batchSizes = new ArrayList<>();

    /** Rows are taken one by one, in order: the reference behaviour the batched registry must match. */
    @Override
    public synchronized Registered register(String manifestId, List<Registration> rows, Unconfirmed previous) {
        batchSizes.add(rows.size());
        Map<String, Set<Long>> mergedLines = new HashMap<>();
        List<Rejection> conflicting = new ArrayList<>();
        List<Rejection> displaced = new ArrayList<>();
        for (Registration row : rows) {
            String id = row.subject().customerId();
            Subject subject = subjects.get(id);
            Optional<SubjectMerge.Stored> stored =
                    subject == null ? Optional.empty() : Optional.of(subject.stored(manifestId));
            switch (SubjectMerge.decide(stored, row)) {
                case CREATE -> {
                    Subject created = new Subject(id, row.subject().locale());
                    subjects.put(id, created);
                    created.merge(row.subject());
                    created.define(manifestId, row);
                    addContacts(row);
                }
                case MERGE -> {
                    if (SubjectMerge.mergesAcrossRanges(stored.orElseThrow(), row)) {
                        mergedLines
                                .computeIfAbsent(id, c -> new HashSet<>())
                                .addAll(Set.of(row.line(), subject.definingLines.get(manifestId)));
                    }
                    subject.merge(row.subject());
                    subject.define(manifestId, row);
                    addContacts(row);
                }
                case CONFLICT -> conflicting.add(new Rejection(row.line(), id, RejectReason.CONFLICTING_CONTACT));
                case DISPLACE -> {
                    long loser = subject.definingLines.get(manifestId);
                    displaced.add(new Rejection(loser, id, RejectReason.CONFLICTING_CONTACT));
                    for (ContactKey key : new ContactKey[] {subject.email, subject.phone}) {
                        Merged contact = key == null ? null : contacts.get(key);
                        if (contact != null) {
                            contact.customerIds.remove(id);
                            if (contact.customerIds.isEmpty()) {
                                contacts.remove(key);
                            }
                        }
                    }
                    Subject replaced = new Subject(id, row.subject().locale());
                    replaced.manifests.addAll(subject.manifests);
                    replaced.definingLines.putAll(subject.definingLines);
                    replaced.definingLines.remove(manifestId);
                    subjects.put(id, replaced);
                    replaced.merge(row.subject());
                    replaced.define(manifestId, row);
                    addContacts(row);
                }
            }
        }
        return new Registered(mergedLines, conflicting, displaced);
    }

    private void addContacts(Registration row) {
        for (ContactRecord record : row.contacts()) {
            contacts.computeIfAbsent(record.key(), key -> new Merged(record)).merge(record);
        }
    }

    /** Adds one contact directly, as if an intake had stored it. */
    public synchronized InMemorySubjectRegistry put(StoredContact contact, String... customerIds) {
        Merged merged = new Merged(contact.key(), contact.value(), contact.locale());
        merged.name = contact.name().orElse(null);
        merged.items.addAll(contact.items());
        merged.smsCapable = contact.smsCapable();
        merged.ownerWithoutEmail = contact.ownerWithoutEmail();
        merged.customerIds.addAll(List.of(customerIds));
        contact.roles()
                .forEach((role, items) -> merged.roles
                        .computeIfAbsent(role, r -> EnumSet.noneOf(ItemKind.class))
                        .addAll(items));
        contacts.put(contact.key(), merged);
        return this;
    }

    @Override
    public synchronized Map<ContactKey, StoredContact> find(Collection<ContactKey> keys) {
        Map<ContactKey, StoredContact> found = new HashMap<>();
        for (ContactKey key : keys) {
            Merged merged = contacts.get(key);
            if (merged != null) {
                found.put(key, merged.stored());
            }
        }
        return found;
    }

    @Override
    public synchronized ContactPage scan(int segment, int totalSegments, Optional<String> startKey, int pageSize) {
        List<ContactProfile> profiles = contacts.values().stream()
                .map(m -> new ContactProfile(m.key, m.locale, m.smsCapable, m.ownerWithoutEmail))
                .toList();
        return InMemoryContactDirectory.page(profiles, segment, totalSegments, startKey, pageSize);
    }

    public synchronized Map<String, StoredSubject> subjects() {
        Map<String, StoredSubject> copy = new TreeMap<>();
        subjects.forEach((id, s) -> copy.put(id, s.stored()));
        return copy;
    }

    public synchronized Map<ContactKey, StoredContact> contacts() {
        Map<ContactKey, StoredContact> copy = new TreeMap<>();
        contacts.forEach((key, m) -> copy.put(key, m.stored()));
        return copy;
    }

    public synchronized Set<String> owners(ContactKey key) {
        Merged merged = contacts.get(key);
        return merged == null ? Set.of() : Set.copyOf(merged.customerIds);
    }

    public synchronized List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    /** A subject as the table holds it after every merge. */
    public record StoredSubject(
            String customerId,
            Set<ItemKind> items,
            NoticeLocale locale,
            Optional<ContactKey> email,
            Optional<ContactKey> phone,
            Optional<Sealed> name,
            Set<String> manifests) {}

    private static final class Subject {
        final String customerId;
        final NoticeLocale locale;
        final Set<ItemKind> items = EnumSet.noneOf(ItemKind.class);
        final Set<String> manifests = new TreeSet<>();
        final Map<String, Long> definingLines = new HashMap<>();

        @Nullable
        ContactKey email;

        @Nullable
        ContactKey phone;

        @Nullable
        Sealed name;

        Subject(String customerId, NoticeLocale locale) {
            this.customerId = customerId;
            this.locale = locale;
        }

        void merge(SubjectRecord record) {
            items.addAll(record.items());
            manifests.add(record.manifestId());
            if (email == null) {
                email = record.email().orElse(null);
            }
            if (phone == null) {
                phone = record.phone().orElse(null);
            }
            if (name == null) {
                name = record.name().orElse(null);
            }
        }

        void define(String manifestId, Registration row) {
            if (!row.repeat()) {
                definingLines.merge(manifestId, row.line(), Math::min);
            }
        }

        SubjectMerge.Stored stored(String manifestId) {
            Long line = definingLines.get(manifestId);
            return new SubjectMerge.Stored(
                    Optional.ofNullable(email),
                    Optional.ofNullable(phone),
                    line == null ? OptionalLong.empty() : OptionalLong.of(line));
        }

        StoredSubject stored() {
            return new StoredSubject(
                    customerId,
                    Set.copyOf(items),
                    locale,
                    Optional.ofNullable(email),
                    Optional.ofNullable(phone),
                    Optional.ofNullable(name),
                    Set.copyOf(manifests));
        }
    }

    private static final class Merged {
        final ContactKey key;
        final Sealed value;
        final NoticeLocale locale;
        final Set<ItemKind> items = EnumSet.noneOf(ItemKind.class);
        final Set<String> customerIds = new TreeSet<>();
        final Map<SubjectRole, Set<ItemKind>> roles = new EnumMap<>(SubjectRole.class);

        @Nullable
        Sealed name;

        boolean smsCapable;
        boolean ownerWithoutEmail;

        Merged(ContactRecord first) {
            this(first.key(), first.value(), first.locale());
        }

        Merged(ContactKey key, Sealed value, NoticeLocale locale) {
            this.key = key;
            this.value = value;
            this.locale = locale;
        }

        void merge(ContactRecord record) {
            items.addAll(record.items());
            customerIds.add(record.customerId());
            roles.computeIfAbsent(record.role(), r -> EnumSet.noneOf(ItemKind.class))
                    .addAll(record.items());
            if (name == null) {
                name = record.name().orElse(null);
            }
            smsCapable |= record.smsCapable();
            ownerWithoutEmail |= record.ownerWithoutEmail();
        }

        StoredContact stored() {
            return new StoredContact(
                    key, value, Optional.ofNullable(name), locale, items, smsCapable, ownerWithoutEmail, roles);
        }
    }
}
