package com.breachnotice.core.intake;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The writes that {@link SubjectMerge#plan} decides for one chunk, for a registry to execute: what
 * each subject becomes, the contact contributions to merge, the owners to take off contacts after
 * the writes, and what the chunk reports.
 */
public record SubjectWrites(
        List<SubjectWrite> subjects, List<ContactRecord> contacts, List<OwnerRemoval> removals, Registered registered) {

    public SubjectWrites {
        subjects = List.copyOf(subjects);
        contacts = List.copyOf(contacts);
        removals = List.copyOf(removals);
    }

    /** A subject as the rows of a chunk leave it. {@code line} is its defining line for the chunk's manifest. */
    public record Image(
            Set<ItemKind> items,
            Set<String> manifests,
            NoticeLocale locale,
            Optional<ContactKey> email,
            Optional<ContactKey> phone,
            Optional<Sealed> name,
            OptionalLong line) {

        public Image {
            items = Set.copyOf(items);
            manifests = Set.copyOf(manifests);
        }
    }

    /** One subject write. */
    public sealed interface SubjectWrite {
        String customerId();

        Image image();

        /** The subject was absent: store it whole (a blind put may be used, and must be verified). */
        record Create(String customerId, Image image) implements SubjectWrite {}

        /**
         * Add items and manifests, the name if none is stored; when {@code lowersLine}, set the
         * defining line, on condition that the stored one is absent or higher.
         */
        record Merge(String customerId, Image image, boolean lowersLine) implements SubjectWrite {}

        /** A lower line displaced the stored subject: rewrite it, on condition that its line is still {@code loser}. */
        record Replace(String customerId, Image image, long loser) implements SubjectWrite {}
    }

    /** Take {@code customerId} off these contacts; a contact left without owners is deleted. */
    public record OwnerRemoval(String customerId, Set<ContactKey> contacts) {
        public OwnerRemoval {
            contacts = Set.copyOf(contacts);
        }
    }

    /** What a registry read of one stored subject; {@code line} is its defining line for this manifest. */
    public record StoredSubject(
            Set<ItemKind> items,
            Set<String> manifests,
            Optional<ContactKey> email,
            Optional<ContactKey> phone,
            boolean hasName,
            OptionalLong line) {

        public StoredSubject {
            items = Set.copyOf(items);
            manifests = Set.copyOf(manifests);
        }
    }
}
