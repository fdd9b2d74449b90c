package com.breachnotice.core.intake;

import com.breachnotice.core.contact.ContactKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The rule that decides what a row does to a stored subject; shared by every registry so that the
 * real one and the fakes cannot disagree.
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
