package com.breachnotice.cli.manifest;

import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactNormalizer;
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
 * Reads a manifest the way intake will, without any AWS: counts, distinct contacts, and the
 * rejections. Distinct contacts are counted by their lookup form, so memory grows with the number of
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
            ManifestSummary summary, long emails, long phones, long smsCapable, List<Rejection> rejections) {

        public Result {
            rejections = List.copyOf(rejections);
        }

        /** The JSON object of {@code manifest check --json}, keys in a fixed order. */
        public Map<String, Object> json() {
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
            Map<String, Object> reasons = new LinkedHashMap<>();
            for (RejectReason reason : RejectReason.values()) {
                Long count = summary.reasons().get(reason);
                if (count != null && count > 0) {
                    reasons.put(reason.code(), count);
                }
            }
            json.put("reasons", reasons);
            return json;
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
                summary,
                collector.emails.size(),
                collector.phones.size(),
                collector.smsCapable.size(),
                collector.rejections);
    }

    private static final class Collector implements ManifestVisitor {
        private final Set<String> emails = new HashSet<>();
        private final Set<String> phones = new HashSet<>();
        private final Set<String> smsCapable = new HashSet<>();
        private final List<Rejection> rejections = new ArrayList<>();

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
