package com.breachnotice.core.manifest;

import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a manifest of either kind (see docs/manifest.md; the header tells the kind): UTF-8 CSV with a header, validates
 * and normalizes every row, and reports each accepted row and each rejection with the physical line
 * its record starts on. A bad row never stops the file; only an unusable header does.
 *
 * <p>Records are assembled from physical lines by quote parity, so a quoted field may hold line
 * breaks; a quote left open for more than {@value #MAX_RECORD_LINES} lines is rejected on its first
 * line and reading resumes on the line after it, so one stray quote cannot swallow the file.
 */
public final class ManifestReader {

    static final int MAX_RECORD_LINES = RecordAssembler.MAX_RECORD_LINES;
    private static final int MAX_CUSTOMER_ID = 64;
    private static final int MAX_NAME = 200;
    private static final int MAX_CONTACT_FIELD = 320;

    private final ContactNormalizer normalizer;

    public ManifestReader(ContactNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /**
     * Reads the whole stream.
     *
     * @throws ManifestFormatException when the header makes the file unusable; nothing was visited
     */
    public ManifestSummary read(InputStream in, ManifestVisitor visitor) throws IOException {
        RecordAssembler records = new RecordAssembler(in);
        ManifestHeader header = readHeader(records);
        visitor.kind(header.kind());
        return readRecords(records, header, visitor);
    }

    /**
     * Reads the records of one byte range of a manifest, which starts at a record start found by
     * {@link ManifestSplitter} (line {@code firstLine} at byte {@code firstOffset}) and ends at
     * another or at the end of the object. Duplicate customer ids are merged or refused within the
     * range only; across ranges that is the registry's work.
     */
    public ManifestSummary readRange(
            InputStream in, ManifestHeader header, long firstLine, long firstOffset, ManifestVisitor visitor)
            throws IOException {
        return readRecords(new RecordAssembler(in, firstLine, firstOffset), header, visitor);
    }

    static ManifestHeader readHeader(RecordAssembler records) throws IOException {
        PhysicalLines.Line headerLine = records.headerLine();
        if (headerLine == null || headerLine.text().isBlank()) {
            throw new ManifestFormatException("the file is empty or its first line is not a header");
        }
        if (headerLine.truncated()) {
            throw new ManifestFormatException("the header line is too long");
        }
        return ManifestHeader.parse(headerLine.text());
    }

    private ManifestSummary readRecords(RecordAssembler records, ManifestHeader header, ManifestVisitor visitor)
            throws IOException {
        Counter counter = new Counter(header.unknown());
        // Customers: customer id to a fingerprint of its contacts. Address books: phone to 0.
        Map<String, Long> contactsByCustomer = new HashMap<>();
        for (RecordAssembler.Record record = records.next(); record != null; record = records.next()) {
            switch (record) {
                case RecordAssembler.Blank blank -> counter.blank++;
                case RecordAssembler.Malformed malformed ->
                    counter.reject(visitor, new Rejection(malformed.line(), "", RejectReason.MALFORMED_QUOTING));
                case RecordAssembler.Text text -> readRecord(text, header, counter, contactsByCustomer, visitor);
            }
        }
        return counter.summary();
    }

    private void readRecord(
            RecordAssembler.Text record,
            ManifestHeader header,
            Counter counter,
            Map<String, Long> contactsByCustomer,
            ManifestVisitor visitor) {
        long line = record.line();
        boolean validUtf8 = record.validUtf8();
        List<String> fields = RecordAssembler.parseFields(record.text());
        if (fields == null) {
            counter.reject(visitor, new Rejection(line, "", RejectReason.MALFORMED_QUOTING));
            return;
        }
        String customerId = fields.size() > header.customerId()
                ? fields.get(header.customerId()).strip()
                : "";
        String safeId = length(customerId) <= MAX_CUSTOMER_ID && !hasControl(customerId) && validUtf8 ? customerId : "";
        if (!validUtf8) {
            counter.reject(visitor, new Rejection(line, safeId, RejectReason.INVALID_UTF8));
            return;
        }
        if (record.truncated()) {
            counter.reject(visitor, new Rejection(line, safeId, RejectReason.FIELD_TOO_LONG));
            return;
        }
        if (fields.size() != header.width()) {
            counter.reject(visitor, new Rejection(line, safeId, RejectReason.WRONG_COLUMN_COUNT));
            return;
        }
        String name = header.field(fields, header.name()).strip();
        String email = header.field(fields, header.email()).strip();
        String phone = header.field(fields, header.phone()).strip();
        String locale = header.field(fields, header.locale());
        String affected = header.field(fields, header.affected());

        if (hasControl(customerId)
                || hasControl(name)
                || hasControl(email)
                || hasControl(phone)
                || hasControl(locale)
                || hasControl(affected)) {
            counter.reject(visitor, new Rejection(line, safeId, RejectReason.CONTROL_CHARACTER));
            return;
        }
        if (customerId.isEmpty()) {
            counter.reject(visitor, new Rejection(line, "", RejectReason.MISSING_CUSTOMER_ID));
            return;
        }
        if (length(customerId) > MAX_CUSTOMER_ID
                || length(name) > MAX_NAME
                || length(email) > MAX_CONTACT_FIELD
                || length(phone) > MAX_CONTACT_FIELD
                || length(locale) > MAX_CONTACT_FIELD
                || length(affected) > 4 * MAX_CONTACT_FIELD) {
            counter.reject(visitor, new Rejection(line, safeId, RejectReason.FIELD_TOO_LONG));
            return;
        }
        Optional<NoticeLocale> noticeLocale = NoticeLocale.ofCode(locale);
        if (noticeLocale.isEmpty()) {
            counter.reject(visitor, new Rejection(line, customerId, RejectReason.UNKNOWN_LOCALE));
            return;
        }
        Set<ItemKind> items = EnumSet.noneOf(ItemKind.class);
        for (String code : affected.split(";", -1)) {
            if (code.isBlank()) {
                continue;
            }
            Optional<ItemKind> item = ItemKind.ofCode(code);
            if (item.isEmpty() || !header.kind().vocabulary().contains(item.get())) {
                counter.reject(visitor, new Rejection(line, customerId, RejectReason.UNKNOWN_ITEM));
                return;
            }
            items.add(item.get());
        }
        if (items.isEmpty()) {
            counter.reject(visitor, new Rejection(line, customerId, RejectReason.NO_ITEMS));
            return;
        }
        if (header.kind() == ManifestKind.ADDRESS_BOOK) {
            readEntry(line, customerId, name, phone, noticeLocale.get(), items, counter, contactsByCustomer, visitor);
            return;
        }
        Optional<Contact> emailContact = email.isEmpty() ? Optional.empty() : normalizer.email(email);
        Optional<Contact> phoneContact = phone.isEmpty() ? Optional.empty() : normalizer.phone(phone);
        if (emailContact.isEmpty() && phoneContact.isEmpty()) {
            RejectReason reason = !email.isEmpty()
                    ? RejectReason.INVALID_EMAIL
                    : !phone.isEmpty() ? RejectReason.INVALID_PHONE : RejectReason.NO_CONTACT;
            counter.reject(visitor, new Rejection(line, customerId, reason));
            return;
        }
        long fingerprint = fingerprint(emailContact, phoneContact);
        Long earlier = contactsByCustomer.putIfAbsent(customerId, fingerprint);
        if (earlier != null && earlier != fingerprint) {
            counter.reject(visitor, new Rejection(line, customerId, RejectReason.CONFLICTING_CONTACT));
            return;
        }
        if (!email.isEmpty() && emailContact.isEmpty()) {
            counter.droppedEmails++;
        }
        if (!phone.isEmpty() && phoneContact.isEmpty()) {
            counter.droppedPhones++;
        }
        if (earlier != null) {
            counter.merged++;
        }
        counter.accepted++;
        visitor.accepted(new ManifestRow(
                line, customerId, name, emailContact, phoneContact, noticeLocale.get(), items, earlier != null));
    }

    /**
     * The rules only an address-book entry has: it is known by its phone, so {@code affected} must
     * name the phone, and the phone must take SMS (nobody can be told individually otherwise).
     * Entries with one phone are one person: later ones merge into the first.
     */
    private void readEntry(
            long line,
            String ownerId,
            String name,
            String phone,
            NoticeLocale locale,
            Set<ItemKind> items,
            Counter counter,
            Map<String, Long> phonesSeen,
            ManifestVisitor visitor) {
        if (!items.contains(ItemKind.PHONE)) {
            counter.reject(visitor, new Rejection(line, ownerId, RejectReason.PHONE_NOT_AFFECTED));
            return;
        }
        if (phone.isEmpty()) {
            counter.reject(visitor, new Rejection(line, ownerId, RejectReason.NO_CONTACT));
            return;
        }
        Optional<Contact> mobile = normalizer.phone(phone).filter(Contact::smsCapable);
        if (mobile.isEmpty()) {
            counter.reject(visitor, new Rejection(line, ownerId, RejectReason.NO_MOBILE));
            return;
        }
        boolean repeat = phonesSeen.putIfAbsent(mobile.get().lookupForm(), 0L) != null;
        if (repeat) {
            counter.merged++;
        }
        counter.accepted++;
        visitor.accepted(new ManifestRow(
                ManifestKind.ADDRESS_BOOK, line, ownerId, name, Optional.empty(), mobile, locale, items, repeat));
    }

    /** Characters as a person counts them: code points, so a surrogate pair is one. */
    private static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /** C0 and C1 control characters and DEL; a field that needs one is not a contact detail. */
    static boolean hasControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return true;
            }
        }
        return false;
    }

    private static long fingerprint(Optional<Contact> email, Optional<Contact> phone) {
        String both = email.map(Contact::lookupForm).orElse("") + "\u0000"
                + phone.map(Contact::lookupForm).orElse("");
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < both.length(); i++) {
            hash ^= both.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static final class Counter {
        private final List<String> unknownColumns;
        private final Map<RejectReason, Long> reasons = new EnumMap<>(RejectReason.class);
        long blank;
        long accepted;
        long rejected;
        long merged;
        long droppedEmails;
        long droppedPhones;

        Counter(List<String> unknownColumns) {
            this.unknownColumns = unknownColumns;
        }

        void reject(ManifestVisitor visitor, Rejection rejection) {
            rejected++;
            reasons.merge(rejection.reason(), 1L, Long::sum);
            visitor.rejected(rejection);
        }

        ManifestSummary summary() {
            return new ManifestSummary(
                    accepted + rejected,
                    blank,
                    accepted,
                    rejected,
                    merged,
                    droppedEmails,
                    droppedPhones,
                    reasons,
                    unknownColumns);
        }
    }
}
