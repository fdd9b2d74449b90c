package com.breachnotice.aws.dynamodb;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.intake.ContactRecord;
import com.breachnotice.core.intake.SubjectRecord;
import com.breachnotice.core.intake.SubjectRegistry;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Synthetic manifest rows turned into records the way {@code IntakeService} turns them: every row
 * has an email, every second row a phone, and rows 10k and 10k+1 share their email (two accounts,
 * one address), so one call carries about 2.45 records' worth of items per row.
 */
final class ManifestRows {

    /** Rows per {@code register} call, as {@code IntakeService.BATCH_ROWS}. */
    static final int BATCH_ROWS = 100;

    private final String prefix;
    private final String manifestId;

    ManifestRows(String prefix, String manifestId) {
        this.prefix = prefix;
        this.manifestId = manifestId;
    }

    /** Registers rows {@code [from, to)} in calls of {@link #BATCH_ROWS} rows. */
    void register(SubjectRegistry registry, int from, int to) {
        for (int start = from; start < to; start += BATCH_ROWS) {
            List<SubjectRecord> subjects = new ArrayList<>();
            List<ContactRecord> contacts = new ArrayList<>();
            for (int row = start; row < Math.min(to, start + BATCH_ROWS); row++) {
                add(row, subjects, contacts);
            }
            registry.register(subjects, contacts);
        }
    }

    String customerId(int row) {
        return prefix + "-cust-" + row;
    }

    ContactKey email(int row) {
        int owner = row % 10 == 1 ? row - 1 : row;
        return TestStacks.emailKey(prefix + "-mail-" + owner);
    }

    Optional<ContactKey> phone(int row) {
        return row % 2 == 0 ? Optional.of(TestStacks.phoneKey(prefix + "-phone-" + row)) : Optional.empty();
    }

    Set<ItemKind> items(int row) {
        Set<ItemKind> items = EnumSet.of(ItemKind.NAME, ItemKind.EMAIL);
        if (phone(row).isPresent()) {
            items.add(ItemKind.PHONE);
        }
        if (row % 3 == 0) {
            items.add(ItemKind.ORDER_HISTORY);
        }
        return items;
    }

    private void add(int row, List<SubjectRecord> subjects, List<ContactRecord> contacts) {
        String customerId = customerId(row);
        Set<ItemKind> items = items(row);
        Sealed name = new Sealed("name-" + customerId, "key-" + row);
        subjects.add(new SubjectRecord(
                customerId,
                items,
                NoticeLocale.KO,
                Optional.of(email(row)),
                phone(row),
                Optional.of(name),
                manifestId));
        contacts.add(new ContactRecord(
                email(row),
                new Sealed("mail-" + row, "key-" + row),
                Optional.of(name),
                NoticeLocale.KO,
                items,
                customerId,
                false,
                false));
        phone(row)
                .ifPresent(phone -> contacts.add(new ContactRecord(
                        phone,
                        new Sealed("phone-" + row, "key-" + row),
                        Optional.of(name),
                        NoticeLocale.KO,
                        items,
                        customerId,
                        true,
                        false)));
    }
}
