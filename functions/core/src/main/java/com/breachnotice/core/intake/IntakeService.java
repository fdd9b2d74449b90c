package com.breachnotice.core.intake;

import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.manifest.ManifestFormatException;
import com.breachnotice.core.manifest.ManifestHeader;
import com.breachnotice.core.manifest.ManifestKind;
import com.breachnotice.core.manifest.ManifestReader;
import com.breachnotice.core.manifest.ManifestRow;
import com.breachnotice.core.manifest.ManifestSplitter;
import com.breachnotice.core.manifest.ManifestSummary;
import com.breachnotice.core.manifest.ManifestVisitor;
import com.breachnotice.core.manifest.Rejection;
import com.breachnotice.core.registry.SubjectRole;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads manifests: an upload is cut into byte ranges at record starts (one streaming pass, see
 * {@link ManifestSplitter}) and each range becomes an ingest task; a task's rows are validated,
 * keyed (HMAC under the pepper), sealed (AES-GCM under a KMS data key) and registered in chunks;
 * each range records its counts and its rejects, and the range that completes the set sums the
 * counts and assembles the rejects report beside the manifest. No contact detail leaves this class
 * readable.
 */
public final class IntakeService {

    /** Rows per registry call: large enough to batch (100 keys per BatchGetItem), small enough to bound memory. */
    static final int BATCH_ROWS = 100;

    /** Default bytes per range: about 150,000 rows, a few minutes of one worker. */
    public static final long DEFAULT_RANGE_BYTES = 16L << 20;

    private final ManifestReader reader;
    private final ContactKeyer keyer;
    private final ContactCipher cipher;
    private final ManifestSource source;
    private final SubjectRegistry registry;
    private final IntakeLedger ledger;
    private final RejectsReport rejects;
    private final IngestQueue queue;
    private final Clock clock;
    private final long rangeBytes;

    public IntakeService(
            ManifestReader reader,
            ContactKeyer keyer,
            ContactCipher cipher,
            ManifestSource source,
            SubjectRegistry registry,
            IntakeLedger ledger,
            RejectsReport rejects,
            IngestQueue queue,
            Clock clock,
            long rangeBytes) {
        if (rangeBytes <= 0) {
            throw new IllegalArgumentException("rangeBytes must be positive");
        }
        this.reader = reader;
        this.keyer = keyer;
        this.cipher = cipher;
        this.source = source;
        this.registry = registry;
        this.ledger = ledger;
        this.rejects = rejects;
        this.queue = queue;
        this.clock = clock;
        this.rangeBytes = rangeBytes;
    }

    public sealed interface Outcome {
        /** This range is loaded; {@code manifest} holds the whole manifest's counts when this range finished it. */
        record Loaded(RangeOutcome range, Optional<Finished> manifest) implements Outcome {}

        record Refused(String reason) implements Outcome {}
    }

    public record Finished(ManifestSummary summary, String rejectsKey) {}

    public sealed interface Acceptance {
        record Split(int ranges) implements Acceptance {}

        record Refused(String reason) implements Acceptance {}

        record AlreadyLoaded() implements Acceptance {}
    }

    /**
     * Takes a new upload: cuts it into ranges with one streaming read and hands them to the workers.
     * A header that makes the file unusable refuses it here, before anything is loaded. An upload
     * already loaded (the same object version: S3 may deliver an event twice) is not loaded again.
     */
    public Acceptance accept(ManifestUpload upload) throws IOException {
        Optional<IntakeStatus> known = ledger.find(upload.manifestId());
        if (known.isPresent() && known.get().state() == IntakeStatus.State.LOADED) {
            return new Acceptance.AlreadyLoaded();
        }
        ManifestSplitter.Split split;
        try (InputStream in = source.open(upload.bucket(), upload.key(), 0, upload.size())) {
            split = ManifestSplitter.split(in, rangeBytes);
        } catch (ManifestFormatException e) {
            ledger.refused(upload.manifestId(), e.reason(), clock.instant());
            return new Acceptance.Refused(e.reason());
        }
        List<ManifestSplitter.Range> ranges = split.ranges();
        ledger.opened(upload, ranges.size(), clock.instant());
        List<IngestTask> tasks = new ArrayList<>(ranges.size());
        for (int i = 0; i < ranges.size(); i++) {
            ManifestSplitter.Range range = ranges.get(i);
            tasks.add(new IngestTask(
                    upload.manifestId(),
                    upload.bucket(),
                    upload.key(),
                    range.start(),
                    range.end(),
                    range.firstLine(),
                    i,
                    ranges.size(),
                    split.header().text()));
        }
        queue.enqueue(tasks);
        return new Acceptance.Split(ranges.size());
    }

    /** Loads one range. Loading a range again (SQS redelivery) writes nothing new. */
    public Outcome ingest(IngestTask task) throws IOException {
        ManifestHeader header;
        try {
            header = ManifestHeader.parse(task.header());
        } catch (ManifestFormatException e) {
            ledger.refused(task.manifestId(), e.reason(), clock.instant());
            return new Outcome.Refused(e.reason());
        }
        Loader loader = new Loader(task.manifestId());
        ManifestSummary read;
        try (InputStream in = source.open(task.bucket(), task.key(), task.start(), task.end())) {
            read = reader.readRange(in, header, task.firstLine(), task.start(), loader);
            loader.settle();
        } catch (IOException | RuntimeException e) {
            // The range will be loaded again (SQS); what the registry deferred for it is finished now
            // so that it cannot be counted into another range. Its counts are thrown away with the range.
            try {
                registry.settle(task.manifestId(), loader.unconfirmed);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        RangeOutcome range = loader.outcome(read);
        List<Rejection> rangeRejects = loader.rejections;
        rangeRejects.sort(Comparator.comparingLong(Rejection::line));
        rejects.writePart(task.bucket(), task.key(), task.manifestId(), task.range(), rangeRejects);
        Optional<List<RangeOutcome>> all =
                ledger.rangeFinished(task.manifestId(), task.range(), task.ranges(), range, clock.instant());
        if (all.isEmpty()) {
            return new Outcome.Loaded(range, Optional.empty());
        }
        ManifestSummary total = RangeOutcome.total(all.get());
        String rejectsKey = rejects.assemble(task.bucket(), task.key(), task.manifestId(), task.ranges());
        ledger.finished(task.manifestId(), total, rejectsKey, clock.instant());
        return new Outcome.Loaded(range, Optional.of(new Finished(total, rejectsKey)));
    }

    private final class Loader implements ManifestVisitor {
        private final String manifestId;
        private final List<Registration> chunk = new ArrayList<>();
        private final List<Rejection> rejections = new ArrayList<>();
        private final Set<Long> repeatLines = new HashSet<>();
        private final Map<String, Set<Long>> mergedLines = new HashMap<>();
        private final List<Rejection> refused = new ArrayList<>();
        private final Set<Long> refusedRepeats = new HashSet<>();
        private Unconfirmed unconfirmed = Unconfirmed.NONE;

        Loader(String manifestId) {
            this.manifestId = manifestId;
        }

        @Override
        public void accepted(ManifestRow row) {
            if (row.kind() == ManifestKind.ADDRESS_BOOK) {
                acceptedEntry(row);
                return;
            }
            Optional<ContactKey> emailKey = row.email().map(keyer::keyOf);
            Optional<ContactKey> phoneKey = row.phone().map(keyer::keyOf);
            List<ContactRecord> contacts = new ArrayList<>(2);
            row.email().ifPresent(email -> contacts.add(contact(row, email, emailKey.orElseThrow(), false)));
            row.phone()
                    .ifPresent(phone -> contacts.add(contact(
                            row, phone, phoneKey.orElseThrow(), row.email().isEmpty())));
            Optional<Sealed> name =
                    row.name().isEmpty() ? Optional.empty() : Optional.of(cipher.seal(row.name(), row.customerId()));
            SubjectRecord subject = new SubjectRecord(
                    row.customerId(), row.items(), row.locale(), emailKey, phoneKey, name, manifestId);
            add(new Registration(row.line(), row.repeat(), subject, contacts));
        }

        /**
         * An address-book entry: the person is their phone, so the subject is keyed by it and every
         * entry with that phone merges into it (the registry never refuses one). The phone is their
         * only channel: it is texted whatever the policy does for customers' phones.
         */
        private void acceptedEntry(ManifestRow row) {
            Contact phone = row.phone().orElseThrow();
            ContactKey key = keyer.keyOf(phone);
            String subjectId = SubjectRecord.addressBookId(key);
            Optional<Sealed> name =
                    row.name().isEmpty() ? Optional.empty() : Optional.of(cipher.seal(row.name(), subjectId));
            Optional<Sealed> contactName =
                    row.name().isEmpty() ? Optional.empty() : Optional.of(cipher.seal(row.name(), key.value()));
            ContactRecord contact = new ContactRecord(
                    key,
                    cipher.seal(phone.value(), key.value()),
                    contactName,
                    row.locale(),
                    row.items(),
                    subjectId,
                    true,
                    true,
                    SubjectRole.ADDRESS_BOOK);
            SubjectRecord subject = new SubjectRecord(
                    subjectId, row.items(), row.locale(), Optional.empty(), Optional.of(key), name, manifestId);
            add(new Registration(row.line(), row.repeat(), subject, List.of(contact)));
        }

        private void add(Registration registration) {
            chunk.add(registration);
            if (registration.repeat()) {
                repeatLines.add(registration.line());
            }
            if (chunk.size() >= BATCH_ROWS) {
                flush();
            }
        }

        @Override
        public void rejected(Rejection rejection) {
            rejections.add(rejection);
        }

        private ContactRecord contact(ManifestRow row, Contact contact, ContactKey key, boolean ownerWithoutEmail) {
            Sealed value = cipher.seal(contact.value(), key.value());
            Optional<Sealed> name =
                    row.name().isEmpty() ? Optional.empty() : Optional.of(cipher.seal(row.name(), key.value()));
            return new ContactRecord(
                    key,
                    value,
                    name,
                    row.locale(),
                    row.items(),
                    row.customerId(),
                    contact.smsCapable(),
                    ownerWithoutEmail);
        }

        void flush() {
            if (!chunk.isEmpty()) {
                Registered registered = registry.register(manifestId, List.copyOf(chunk), unconfirmed);
                chunk.clear();
                unconfirmed = registered.unconfirmed();
                count(registered);
            }
        }

        void settle() {
            flush();
            Unconfirmed last = unconfirmed;
            unconfirmed = Unconfirmed.NONE;
            count(registry.settle(manifestId, last));
        }

        private void count(Registered registered) {
            registered
                    .mergedLines()
                    .forEach((customer, lines) -> mergedLines
                            .computeIfAbsent(customer, c -> new HashSet<>())
                            .addAll(lines));
            for (Rejection rejection : registered.conflicting()) {
                rejections.add(rejection);
                refused.add(rejection);
                if (repeatLines.contains(rejection.line())) {
                    refusedRepeats.add(rejection.line());
                }
            }
            for (Rejection rejection : registered.displaced()) {
                rejections.add(rejection);
                refused.add(rejection);
            }
        }

        RangeOutcome outcome(ManifestSummary read) {
            return new RangeOutcome(read, mergedLines, refused, refusedRepeats);
        }
    }
}
