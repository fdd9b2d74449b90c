package com.breachnotice.core.intake;

import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.manifest.ManifestFormatException;
import com.breachnotice.core.manifest.ManifestReader;
import com.breachnotice.core.manifest.ManifestRow;
import com.breachnotice.core.manifest.ManifestSummary;
import com.breachnotice.core.manifest.ManifestVisitor;
import com.breachnotice.core.manifest.Rejection;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads manifests: an upload becomes ingest tasks; a task's rows are validated, keyed (HMAC under
 * the pepper), sealed (AES-GCM under a KMS data key) and registered; rejects are reported beside
 * the manifest and the counts recorded. No contact detail leaves this class readable.
 */
public final class IntakeService {

    /** Rows per registry write: large enough to batch, small enough to bound memory. */
    static final int BATCH_ROWS = 100;

    private final ManifestReader reader;
    private final ContactKeyer keyer;
    private final ContactCipher cipher;
    private final ManifestSource source;
    private final SubjectRegistry registry;
    private final IntakeLedger ledger;
    private final RejectsReport rejects;
    private final IngestQueue queue;
    private final Clock clock;

    public IntakeService(
            ManifestReader reader,
            ContactKeyer keyer,
            ContactCipher cipher,
            ManifestSource source,
            SubjectRegistry registry,
            IntakeLedger ledger,
            RejectsReport rejects,
            IngestQueue queue,
            Clock clock) {
        this.reader = reader;
        this.keyer = keyer;
        this.cipher = cipher;
        this.source = source;
        this.registry = registry;
        this.ledger = ledger;
        this.rejects = rejects;
        this.queue = queue;
        this.clock = clock;
    }

    public sealed interface Outcome {
        record Loaded(ManifestSummary summary, String rejectsKey) implements Outcome {}

        record Refused(String reason) implements Outcome {}
    }

    /**
     * Takes a new upload: records it and hands it to the intake workers. The foundation reads a
     * manifest in one range; splitting into parallel byte ranges comes with intake at scale.
     */
    public void accept(ManifestUpload upload) {
        ledger.opened(upload, 1, clock.instant());
        queue.enqueue(List.of(new IngestTask(upload.manifestId(), upload.bucket(), upload.key(), 0, upload.size())));
    }

    public Outcome ingest(IngestTask task) throws IOException {
        Loader loader = new Loader(task.manifestId());
        ManifestSummary summary;
        try (InputStream in = source.open(task.bucket(), task.key(), task.start(), task.end())) {
            summary = reader.read(in, loader);
        } catch (ManifestFormatException e) {
            ledger.refused(task.manifestId(), e.reason(), clock.instant());
            return new Outcome.Refused(e.reason());
        }
        loader.flush();
        String rejectsKey = rejects.write(task.bucket(), task.key(), loader.rejections);
        ledger.finished(task.manifestId(), summary, rejectsKey, clock.instant());
        return new Outcome.Loaded(summary, rejectsKey);
    }

    private final class Loader implements ManifestVisitor {
        private final String manifestId;
        private final List<SubjectRecord> subjects = new ArrayList<>();
        private final List<ContactRecord> contacts = new ArrayList<>();
        private final List<Rejection> rejections = new ArrayList<>();

        Loader(String manifestId) {
            this.manifestId = manifestId;
        }

        @Override
        public void accepted(ManifestRow row) {
            Optional<ContactKey> emailKey = row.email().map(keyer::keyOf);
            Optional<ContactKey> phoneKey = row.phone().map(keyer::keyOf);
            row.email().ifPresent(email -> contacts.add(contact(row, email, keyer.keyOf(email), false)));
            row.phone()
                    .ifPresent(phone -> contacts.add(
                            contact(row, phone, keyer.keyOf(phone), row.email().isEmpty())));
            Optional<Sealed> name =
                    row.name().isEmpty() ? Optional.empty() : Optional.of(cipher.seal(row.name(), row.customerId()));
            subjects.add(new SubjectRecord(
                    row.customerId(), row.items(), row.locale(), emailKey, phoneKey, name, manifestId));
            if (subjects.size() >= BATCH_ROWS) {
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
            if (!subjects.isEmpty() || !contacts.isEmpty()) {
                registry.register(List.copyOf(subjects), List.copyOf(contacts));
                subjects.clear();
                contacts.clear();
            }
        }
    }
}
