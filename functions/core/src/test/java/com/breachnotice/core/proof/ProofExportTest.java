package com.breachnotice.core.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.NoticeProof;
import com.breachnotice.core.lookup.InMemoryContactBook;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.testing.FakeDataKeyProvider;
import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.core.testing.InMemoryDeliveryLog;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProofExportTest {

    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    private final ContactKeyer keyer = Fixtures.keyer();
    private final ContactCipher cipher = new ContactCipher(new FakeDataKeyProvider());
    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    private final InMemoryContactBook book = new InMemoryContactBook();
    private final ProofExport export = new ProofExport(log, book, cipher);

    private DeliveryId store(Contact contact, Channel channel) {
        book.add(Fixtures.stored(keyer, cipher, contact, "", NoticeLocale.KO, Set.of(ItemKind.NAME), false));
        return new DeliveryId(keyer.keyOf(contact), "first", channel);
    }

    private static NoticeProof told() {
        return new NoticeProof(
                "first", "0123456789ab", List.of(ItemKind.NAME, ItemKind.EMAIL), NoticeLocale.KO, "cd".repeat(32));
    }

    @Test
    void export_oneRowPerDelivery_maskedUnlessRevealed_withHistoryAndCounts() throws IOException {
        DeliveryId email = store(Fixtures.email("kim.minsu@example.net"), Channel.EMAIL);
        DeliveryId phone = store(Fixtures.phone("010-1234-5678"), Channel.SMS);
        DeliveryId bounced = store(Fixtures.email("lee@example.org"), Channel.EMAIL);
        log.record(List.of(
                new DeliveryRecord(
                        email,
                        DeliveryStatus.SENT,
                        "ref-e",
                        Optional.of("ses-1"),
                        Optional.empty(),
                        T,
                        Optional.of(told())),
                new DeliveryRecord(
                        phone,
                        DeliveryStatus.SENT,
                        "ref-p",
                        Optional.of("sns-1"),
                        Optional.empty(),
                        T,
                        Optional.of(told())),
                new DeliveryRecord(
                        bounced,
                        DeliveryStatus.SENT,
                        "ref-b",
                        Optional.of("ses-2"),
                        Optional.empty(),
                        T,
                        Optional.of(told()))));
        log.advance(phone, DeliveryStatus.DELIVERED, null, T.plusSeconds(4));
        log.advance(bounced, DeliveryStatus.BOUNCED, "Permanent", T.plusSeconds(9));

        List<ProofRow> rows = new ArrayList<>();
        ProofSummary summary = export.export("first", false, rows::add);

        assertThat(rows).hasSize(3);
        ProofRow text = rows.stream()
                .filter(r -> r.delivery().id().equals(phone))
                .findFirst()
                .orElseThrow();
        assertThat(text.recipient()).isEqualTo("010-****-5678");
        assertThat(text.cells())
                .containsExactly(
                        phone.contact().value(),
                        "010-****-5678",
                        "sms",
                        "ko",
                        "first",
                        "0123456789ab",
                        "name email",
                        "cd".repeat(32),
                        "ref-p",
                        "sns-1",
                        "delivered",
                        "",
                        "sent@2026-03-02T09:00:00Z delivered@2026-03-02T09:00:04Z");
        assertThat(rows).extracting(ProofRow::recipient).contains("k***@example.net", "l***@example.org");
        assertThat(summary.notified(Channel.EMAIL)).isEqualTo(1);
        assertThat(summary.notified(Channel.SMS)).isEqualTo(1);
        assertThat(summary.notReachable()).isEqualTo(1);
        assertThat(summary.failedByReason()).containsEntry("bounced:Permanent", 1L);

        List<ProofRow> revealed = new ArrayList<>();
        export.export("first", true, revealed::add);
        assertThat(revealed)
                .extracting(ProofRow::recipient)
                .containsExactlyInAnyOrder("kim.minsu@example.net", "+821012345678", "lee@example.org");
    }

    @Test
    void export_contactGoneFromTheRegistry_emptyRecipient_unreachableCounted() throws IOException {
        DeliveryId gone = new DeliveryId(keyer.keyOf(Fixtures.email("gone@example.net")), "first", Channel.EMAIL);
        log.recordUnreachable(gone, "no_contact", T);

        List<ProofRow> rows = new ArrayList<>();
        ProofSummary summary = export.export("first", false, rows::add);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.recipient()).isEmpty();
            assertThat(row.cells().get(10)).isEqualTo("failed");
            assertThat(row.fields()).containsEntry("items", List.of());
        });
        assertThat(summary.json()).containsEntry("not_reachable", 1L);
    }
}
