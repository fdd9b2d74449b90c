package com.breachnotice.core.manifest;

import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads an affected-customers manifest (see docs/manifest.md): UTF-8 CSV with a header, validates
 * and normalizes every row, and reports each accepted row and each rejection with the physical line
 * its record starts on. A bad row never stops the file; only an unusable header does.
 *
 * <p>Records are assembled from physical lines by quote parity, so a quoted field may hold line
 * breaks; a quote left open for more than {@value #MAX_RECORD_LINES} lines is rejected on its first
 * line and reading resumes on the line after it, so one stray quote cannot swallow the file.
 */
public final class ManifestReader {

    static final int MAX_RECORD_LINES = 20;
    private static final int MAX_RECORD_CHARS = 16 * 1024;
    private static final int MAX_CUSTOMER_ID = 64;
    private static final int MAX_NAME = 200;
    private static final int MAX_CONTACT_FIELD = 320;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

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
        PhysicalLines lines = new PhysicalLines(in);
        PhysicalLines.Line headerLine = lines.next();
        if (headerLine == null || headerLine.text().isBlank()) {
            throw new ManifestFormatException("the file is empty or its first line is not a header");
        }
        Header header = Header.parse(headerLine.text());
        Counter counter = new Counter(header.unknown());
        Deque<PhysicalLines.Line> replay = new ArrayDeque<>();
        Map<String, Long> contactsByCustomer = new HashMap<>();

        while (true) {
            PhysicalLines.Line first = replay.isEmpty() ? lines.next() : replay.poll();
            if (first == null) {
                break;
            }
            if (first.text().isBlank()) {
                counter.blank++;
                continue;
            }
            List<PhysicalLines.Line> consumed = new ArrayList<>(1);
            consumed.add(first);
            StringBuilder record = new StringBuilder(first.text());
            boolean validUtf8 = first.validUtf8();
            int quotes = countQuotes(first.text());
            boolean unterminated = false;
            while ((quotes & 1) == 1) {
                PhysicalLines.Line more = replay.isEmpty() ? lines.next() : replay.poll();
                if (more == null || consumed.size() >= MAX_RECORD_LINES || record.length() > MAX_RECORD_CHARS) {
                    if (more != null) {
                        replay.addFirst(more);
                    }
                    unterminated = true;
                    break;
                }
                consumed.add(more);
                record.append('\n').append(more.text());
                validUtf8 &= more.validUtf8();
                quotes += countQuotes(more.text());
            }
            if (unterminated) {
                for (int i = consumed.size() - 1; i >= 1; i--) {
                    replay.addFirst(consumed.get(i));
                }
                counter.reject(visitor, new Rejection(first.number(), "", RejectReason.MALFORMED_QUOTING));
                continue;
            }
            if (consumed.size() > 1 && parseFields(record.toString()) == null) {
                // The lines were joined because of an odd quote that opened no quoted field (a stray
                // quote, then another one further down): only the first line is malformed; the
                // lines after it are records of their own and are read again.
                for (int i = consumed.size() - 1; i >= 1; i--) {
                    replay.addFirst(consumed.get(i));
                }
                counter.reject(visitor, new Rejection(first.number(), "", RejectReason.MALFORMED_QUOTING));
                continue;
            }
            readRecord(first.number(), record.toString(), validUtf8, header, counter, contactsByCustomer, visitor);
        }
        return counter.summary();
    }

    private void readRecord(
            long line,
            String text,
            boolean validUtf8,
            Header header,
            Counter counter,
            Map<String, Long> contactsByCustomer,
            ManifestVisitor visitor) {
        List<String> fields = parseFields(text);
        if (fields == null) {
            counter.reject(visitor, new Rejection(line, "", RejectReason.MALFORMED_QUOTING));
            return;
        }
        String customerId = fields.size() > header.customerId()
                ? fields.get(header.customerId()).strip()
                : "";
        String safeId =
                customerId.length() <= MAX_CUSTOMER_ID && !hasControl(customerId) && validUtf8 ? customerId : "";
        if (!validUtf8) {
            counter.reject(visitor, new Rejection(line, safeId, RejectReason.INVALID_UTF8));
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
        if (customerId.length() > MAX_CUSTOMER_ID
                || name.length() > MAX_NAME
                || email.length() > MAX_CONTACT_FIELD
                || phone.length() > MAX_CONTACT_FIELD
                || locale.length() > MAX_CONTACT_FIELD
                || affected.length() > 4 * MAX_CONTACT_FIELD) {
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
            if (item.isEmpty()) {
                counter.reject(visitor, new Rejection(line, customerId, RejectReason.UNKNOWN_ITEM));
                return;
            }
            items.add(item.get());
        }
        if (items.isEmpty()) {
            counter.reject(visitor, new Rejection(line, customerId, RejectReason.NO_ITEMS));
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
        visitor.accepted(
                new ManifestRow(line, customerId, name, emailContact, phoneContact, noticeLocale.get(), items));
    }

    private static @Nullable List<String> parseFields(String text) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                return null;
            }
            return records.get(0).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return null;
        }
    }

    private static int countQuotes(String text) {
        int quotes = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes;
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

    private record Header(
            int width, int customerId, int name, int email, int phone, int locale, int affected, List<String> unknown) {

        private static final List<String> KNOWN =
                List.of("customer_id", "name", "email", "phone", "locale", "affected");

        static Header parse(String text) {
            List<String> columns = parseFields(text);
            if (columns == null) {
                throw new ManifestFormatException("the header row is not valid CSV");
            }
            Map<String, Integer> index = new HashMap<>();
            List<String> unknown = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                String column = columns.get(i).strip().toLowerCase(Locale.ROOT);
                if (KNOWN.contains(column)) {
                    if (index.putIfAbsent(column, i) != null) {
                        throw new ManifestFormatException("the header names column '" + column + "' twice");
                    }
                } else if (!column.isEmpty() && !hasControl(column)) {
                    unknown.add(column);
                }
            }
            List<String> missing = new ArrayList<>();
            if (!index.containsKey("customer_id")) {
                missing.add("customer_id");
            }
            if (!index.containsKey("affected")) {
                missing.add("affected");
            }
            if (!index.containsKey("email") && !index.containsKey("phone")) {
                missing.add("email or phone");
            }
            if (!missing.isEmpty()) {
                throw new ManifestFormatException("the header lacks required columns: " + String.join(", ", missing));
            }
            return new Header(
                    columns.size(),
                    index.getOrDefault("customer_id", 0),
                    index.getOrDefault("name", -1),
                    index.getOrDefault("email", -1),
                    index.getOrDefault("phone", -1),
                    index.getOrDefault("locale", -1),
                    index.getOrDefault("affected", 0),
                    unknown);
        }

        String field(List<String> fields, int column) {
            return column < 0 ? "" : fields.get(column);
        }
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
