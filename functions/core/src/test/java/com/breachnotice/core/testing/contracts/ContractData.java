package com.breachnotice.core.testing.contracts;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.NoticeProof;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Fresh keys for contract tests: the adapters' tables are shared by every test of a run. */
final class ContractData {

    static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");

    private ContractData() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ContactKey contact() {
        // The shape of a keyed hash (E and 64 hex digits): what the tables hold.
        String hex = UUID.randomUUID().toString().replace("-", "");
        return new ContactKey("E1" + hex + hex);
    }

    static DeliveryId delivery(String campaign, Channel channel) {
        return new DeliveryId(contact(), campaign, channel);
    }

    static DeliveryId delivery() {
        return delivery(unique("c"), Channel.EMAIL);
    }

    static DeliveryRecord sent(DeliveryId id, String referenceHash, Instant at) {
        return new DeliveryRecord(
                id, DeliveryStatus.SENT, referenceHash, Optional.of("msg-" + UUID.randomUUID()), Optional.empty(), at);
    }

    static DeliveryRecord failed(DeliveryId id, String reason, Instant at) {
        return new DeliveryRecord(
                id, DeliveryStatus.FAILED, "ref-" + UUID.randomUUID(), Optional.empty(), Optional.of(reason), at);
    }

    static NoticeProof proof() {
        return new NoticeProof(
                "first",
                "0123456789ab",
                List.of(ItemKind.NAME, ItemKind.ADDRESS_BOOK),
                NoticeLocale.KO,
                "ab".repeat(32));
    }
}
