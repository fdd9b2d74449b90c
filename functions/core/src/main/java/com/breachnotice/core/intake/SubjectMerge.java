package com.breachnotice.core.intake;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.manifest.RejectReason;
import com.breachnotice.core.manifest.Rejection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rule that decides what a row does to a stored subject; shared by every registry so that the
 * real one and the fakes cannot disagree. {@link #plan} applies it to a chunk and returns the writes
 * for a registry to execute.
 *
 * <ul>
 *   <li>no subject yet: the row creates it and defines it for this manifest;
 *   <li>same contacts: the row merges (its items are added). It counts as merged across ranges when
 *       another row of the same manifest defined the subject ({@code repeat} rows were already
 *       counted by their reader);
 *   <li>other contacts, and the subject was defined by a lower line of this manifest, or by another
 *       manifest: the row is refused as {@code conflicting_contact}; the stored subject is kept;
 *   <li>other contacts, and the subject was defined by a higher line of this manifest (its range was
 *       loaded first): this row wins, as it would in one pass, and that higher row is refused.
 * </ul>
 */
public final class SubjectMerge {

    public enum Decision {
        CREATE,
        MERGE,
        CONFLICT,
        DISPLACE
    }

    /** What a registry knows of a stored subject. */
    public record Stored(Optional<ContactKey> email, Optional<ContactKey> phone, OptionalLong definingLine) {}

    private SubjectMerge() {}

    public static Decision decide(Optional<Stored> stored, Registration row) {
        if (stored.isEmpty()) {
            return Decision.CREATE;
        }
        Stored subject = stored.get();
        boolean sameContacts = subject.email().equals(row.subject().email())
                && subject.phone().equals(row.subject().phone());
        if (sameContacts) {
            return Decision.MERGE;
        }
        if (!row.repeat()
                && subject.definingLine().isPresent()
                && subject.definingLine().getAsLong() > row.line()) {
            return Decision.DISPLACE;
        }
        return Decision.CONFLICT;
    }

    /** Whether a merge counts as a merge across ranges: the subject was defined by another row of this manifest. */
    public static boolean mergesAcrossRanges(Stored stored, Registration row) {
        return !row.repeat()
                && stored.definingLine().isPresent()
                && stored.definingLine().getAsLong() != row.line();
    }

    /**
     * Decides what one chunk of rows does to the subjects the registry read for it (absent ids are
     * absent subjects): row by row, in order, with {@link #decide}. The registry executes the result;
     * nothing here touches a table.
     */
    public static SubjectWrites plan(
            String manifestId, List<Registration> rows, Map<String, SubjectWrites.StoredSubject> stored) {
        Map<String, List<Registration>> groups = new LinkedHashMap<>();
        for (Registration row : rows) {
            groups.computeIfAbsent(row.subject().customerId(), id -> new ArrayList<>())
                    .add(row);
        }
        Map<String, Set<Long>> mergedLines = new HashMap<>();
        List<Rejection> conflicting = new ArrayList<>();
        List<Rejection> displaced = new ArrayList<>();
        List<SubjectWrites.SubjectWrite> writes = new ArrayList<>();
        List<SubjectWrites.OwnerRemoval> removals = new ArrayList<>();
        List<ContactRecord> contacts = new ArrayList<>();
        for (Map.Entry<String, List<Registration>> group : groups.entrySet()) {
            String customerId = group.getKey();
            SubjectWrites.StoredSubject original = stored.get(customerId);
            State state = original == null ? null : State.of(original);
            boolean created = false;
            OptionalLong displacedLine = OptionalLong.empty();
            for (Registration row : group.getValue()) {
                Optional<Stored> before = state == null ? Optional.empty() : Optional.of(state.stored());
                switch (decide(before, row)) {
                    case CREATE -> {
                        state = State.fresh(row, manifestId);
                        created = true;
                        contacts.addAll(row.contacts());
                    }
                    case MERGE -> {
                        Stored known = before.orElseThrow();
                        if (mergesAcrossRanges(known, row)) {
                            mergedLines
                                    .computeIfAbsent(customerId, c -> new HashSet<>())
                                    .addAll(Set.of(
                                            row.line(), known.definingLine().getAsLong()));
                        }
                        Objects.requireNonNull(state).merge(row, manifestId);
                        contacts.addAll(row.contacts());
                    }
                    case CONFLICT ->
                        conflicting.add(new Rejection(row.line(), customerId, RejectReason.CONFLICTING_CONTACT));
                    case DISPLACE -> {
                        State loser = Objects.requireNonNull(state);
                        long loserLine = loser.line.orElseThrow();
                        displaced.add(new Rejection(loserLine, customerId, RejectReason.CONFLICTING_CONTACT));
                        displacedLine = OptionalLong.of(loserLine);
                        State replaced = State.fresh(row, manifestId);
                        // The customer stays on the contacts the winning row shares with the loser.
                        Set<ContactKey> gone = loser.keys();
                        gone.removeAll(replaced.keys());
                        removals.add(new SubjectWrites.OwnerRemoval(customerId, gone));
                        replaced.manifests.addAll(loser.manifests);
                        state = replaced;
                        contacts.addAll(row.contacts());
                    }
                }
            }
            if (state == null) {
                continue;
            }
            if (original == null && created) {
                writes.add(new SubjectWrites.SubjectWrite.Create(customerId, state.image()));
            } else if (displacedLine.isPresent()) {
                writes.add(
                        new SubjectWrites.SubjectWrite.Replace(customerId, state.image(), displacedLine.getAsLong()));
            } else if (original != null && !state.coveredBy(original)) {
                boolean lowers = state.line.isPresent()
                        && (original.line().isEmpty()
                                || state.line.getAsLong() < original.line().getAsLong());
                writes.add(new SubjectWrites.SubjectWrite.Merge(customerId, state.image(), lowers));
            }
        }
        return new SubjectWrites(writes, contacts, removals, new Registered(mergedLines, conflicting, displaced));
    }

    /** A subject as stored, then as the rows of a chunk leave it. */
    private static final class State {
        final Set<ItemKind> items = EnumSet.noneOf(ItemKind.class);
        final Set<String> manifests = new TreeSet<>();
        NoticeLocale locale = NoticeLocale.KO;
        Optional<ContactKey> email = Optional.empty();
        Optional<ContactKey> phone = Optional.empty();
        Optional<Sealed> name = Optional.empty();
        boolean hasName;
        OptionalLong line = OptionalLong.empty();

        static State of(SubjectWrites.StoredSubject stored) {
            State state = new State();
            state.items.addAll(stored.items());
            state.manifests.addAll(stored.manifests());
            state.email = stored.email();
            state.phone = stored.phone();
            state.hasName = stored.hasName();
            state.line = stored.line();
            return state;
        }

        static State fresh(Registration row, String manifestId) {
            State state = new State();
            state.locale = row.subject().locale();
            state.email = row.subject().email();
            state.phone = row.subject().phone();
            state.merge(row, manifestId);
            return state;
        }

        void merge(Registration row, String manifestId) {
            items.addAll(row.subject().items());
            manifests.add(manifestId);
            if (name.isEmpty() && !hasName) {
                name = row.subject().name();
                hasName = name.isPresent();
            }
            if (!row.repeat() && (line.isEmpty() || row.line() < line.getAsLong())) {
                line = OptionalLong.of(row.line());
            }
        }

        Stored stored() {
            return new Stored(email, phone, line);
        }

        Set<ContactKey> keys() {
            Set<ContactKey> keys = new HashSet<>();
            email.ifPresent(keys::add);
            phone.ifPresent(keys::add);
            return keys;
        }

        /** Whether the stored subject already holds all of this: a reload writes nothing. */
        boolean coveredBy(SubjectWrites.StoredSubject stored) {
            return stored.items().containsAll(items)
                    && stored.manifests().containsAll(manifests)
                    && (name.isEmpty() || stored.hasName())
                    && (line.isEmpty()
                            || (stored.line().isPresent() && stored.line().getAsLong() <= line.getAsLong()));
        }

        SubjectWrites.Image image() {
            return new SubjectWrites.Image(items, manifests, locale, email, phone, name, line);
        }
    }

    /**
     * The attribute (or field) name under which a subject keeps the defining line for one manifest:
     * a short hash, because manifest ids are object keys of any length and character.
     */
    public static String definingLineName(String manifestId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(manifestId.getBytes(StandardCharsets.UTF_8));
            return "line_" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
