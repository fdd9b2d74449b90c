package com.breachnotice.cli.manifest;

import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactNormalizer;
import com.breachnotice.core.manifest.ManifestKind;
import com.breachnotice.core.manifest.ManifestReader;
import com.breachnotice.core.manifest.ManifestRow;
import com.breachnotice.core.manifest.ManifestSummary;
import com.breachnotice.core.manifest.ManifestVisitor;
import com.breachnotice.core.manifest.RejectReason;
import com.breachnotice.core.manifest.Rejection;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a manifest of either kind the way intake will, without any AWS: counts, distinct contacts,
 * and the rejections; for an address book beside a customer manifest, how many of its people are
 * also customers (by phone). Distinct contacts are counted by their lookup form, so memory grows with the number of
 * distinct contacts; the rejections are kept for the report.
 */
public final class ManifestCheck {

    private final ManifestReader reader;

    public ManifestCheck(ManifestReader reader) {
        this.reader = reader;
    }

    public static ManifestCheck korea() {
        return new ManifestCheck(new ManifestReader(ContactNormalizer.korea()));
    }

    /** What a check found. */
    public record Result(
            ManifestKind kind,
            ManifestSummary summary,
            long emails,
            long phones,
            long smsCapable,
            List<Rejection> rejections,
            Set<String> phoneForms) {

        public Result {
            rejections = List.copyOf(rejections);
            phoneForms = Set.copyOf(phoneForms);
        }

        /** People of this address book whose phone is also the phone of an accepted customer row. */
        public long alsoCustomers(Result customers) {
            return phoneForms.stream().filter(customers.phoneForms()::contains).count();
        }

        /** The JSON object of {@code manifest check --json}, keys in a fixed order. */
        public Map<String, Object> json() {
            return kind == ManifestKind.ADDRESS_BOOK ? bookJson(0) : customerJson();
        }

        /**
         * The JSON object of an address book: {@code people} are distinct phones, {@code merged}
         * accepted rows folded into an earlier entry with the same phone.
         */
        public Map<String, Object> bookJson(long alsoCustomers) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("kind", kind.code());
            json.put("rows", summary.rows());
            json.put("blank", summary.blank());
            json.put("accepted", summary.accepted());
            json.put("rejected", summary.rejected());
            json.put("people", summary.subjects());
            json.put("merged", summary.merged());
            json.put("also_customers", alsoCustomers);
            json.put("reasons", reasons());
            return json;
        }

        private Map<String, Object> customerJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("rows", summary.rows());
            json.put("blank", summary.blank());
            json.put("accepted", summary.accepted());
            json.put("rejected", summary.rejected());
            json.put("merged", summary.merged());
            json.put("subjects", summary.subjects());
            json.put("emails", emails);
            json.put("phones", phones);
            json.put("sms_capable", smsCapable);
            Map<String, Object> dropped = new LinkedHashMap<>();
            dropped.put("email", summary.droppedEmails());
            dropped.put("phone", summary.droppedPhones());
            json.put("dropped", dropped);
            json.put("reasons", reasons());
            return json;
        }

        private Map<String, Object> reasons() {
            Map<String, Object> reasons = new LinkedHashMap<>();
            for (RejectReason reason : RejectReason.values()) {
                Long count = summary.reasons().get(reason);
                if (count != null && count > 0) {
                    reasons.put(reason.code(), count);
                }
            }
            return reasons;
        }
    }

    /**
     * Reads the whole stream.
     *
     * @throws com.breachnotice.core.manifest.ManifestFormatException when the file is unusable
     */
    public Result check(InputStream in) throws IOException {
        Collector collector = new Collector();
        ManifestSummary summary = reader.read(in, collector);
        return new Result(
                collector.kind,
                summary,
                collector.emails.size(),
                collector.phones.size(),
                collector.smsCapable.size(),
                collector.rejections,
                collector.phones);
    }

    private static final class Collector implements ManifestVisitor {
        private final Set<String> emails = new HashSet<>();
        private final Set<String> phones = new HashSet<>();
        private final Set<String> smsCapable = new HashSet<>();
        private final List<Rejection> rejections = new ArrayList<>();
        private ManifestKind kind = ManifestKind.CUSTOMERS;

        @Override
        public void kind(ManifestKind told) {
            kind = told;
        }

        @Override
        public void accepted(ManifestRow row) {
            row.email().ifPresent(email -> emails.add(email.lookupForm()));
            row.phone().ifPresent(this::phone);
        }

        private void phone(Contact phone) {
            phones.add(phone.lookupForm());
            if (phone.smsCapable()) {
                smsCapable.add(phone.lookupForm());
            }
        }

        @Override
        public void rejected(Rejection rejection) {
            rejections.add(rejection);
        }
    }
}
