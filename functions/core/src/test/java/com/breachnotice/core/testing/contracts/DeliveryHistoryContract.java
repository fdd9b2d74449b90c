package com.breachnotice.core.testing.contracts;

import static com.breachnotice.core.testing.contracts.ContractData.NOW;
import static com.breachnotice.core.testing.contracts.ContractData.contact;
import static com.breachnotice.core.testing.contracts.ContractData.sent;
import static com.breachnotice.core.testing.contracts.ContractData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.delivery.Delivery;
import com.breachnotice.core.delivery.DeliveryHistory;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.NoticeProof;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link DeliveryHistory} does, run against the in-memory fake and the DynamoDB adapter. */
public abstract class DeliveryHistoryContract {

    protected abstract DeliveryTable table();

    private DeliveryHistory history() {
        return table().history();
    }

    @Test
    void forContact_everyNoticeOfTheContact_inTheOrderTheyWentOut() {
        ContactKey contact = contact();
        DeliveryId older = new DeliveryId(contact, "zz-first", Channel.EMAIL);
        DeliveryId newer = new DeliveryId(contact, "aa-revised", Channel.EMAIL);
        DeliveryId text = new DeliveryId(contact, "aa-revised", Channel.SMS);
        table().recorder().record(List.of(sent(newer, unique("ref"), NOW.plus(Duration.ofDays(3)))));
        table().recorder().record(List.of(sent(older, unique("ref"), NOW)));
        table().claims().claim(text, unique("ref"), NOW.plus(Duration.ofDays(4)), NOW.plus(Duration.ofDays(5)));
        table().recorder()
                .record(List.of(sent(new DeliveryId(contact(), "zz-first", Channel.EMAIL), unique("ref"), NOW)));

        assertThat(history().forContact(contact)).extracting(Delivery::id).containsExactly(older, newer, text);
    }

    @Test
    void forContact_unknown_empty() {
        assertThat(history().forContact(contact())).isEmpty();
    }

    @Test
    void itemsTold_whatTheCampaignNamedOnEitherChannel_absentWithoutARecordOfIt() {
        String campaign = unique("first");
        ContactKey byEmail = contact();
        ContactKey byText = contact();
        ContactKey claimedOnly = contact();
        ContactKey otherCampaign = contact();
        ContactKey never = contact();
        table().recorder()
                .record(List.of(
                        told(new DeliveryId(byEmail, campaign, Channel.EMAIL), List.of(ItemKind.NAME, ItemKind.EMAIL)),
                        told(new DeliveryId(byText, campaign, Channel.SMS), List.of(ItemKind.PHONE)),
                        told(
                                new DeliveryId(otherCampaign, unique("other"), Channel.EMAIL),
                                List.of(ItemKind.ADDRESS))));
        table().claims()
                .claim(new DeliveryId(claimedOnly, campaign, Channel.EMAIL), unique("ref"), NOW, NOW.plusSeconds(60));

        assertThat(history().itemsTold(campaign, List.of(byEmail, byText, claimedOnly, otherCampaign, never)))
                .containsOnly(
                        entry(byEmail, Set.of(ItemKind.NAME, ItemKind.EMAIL)), entry(byText, Set.of(ItemKind.PHONE)));
    }

    private static DeliveryRecord told(DeliveryId id, List<ItemKind> items) {
        return new DeliveryRecord(
                id,
                DeliveryStatus.SENT,
                unique("ref"),
                Optional.of(unique("msg")),
                Optional.empty(),
                NOW,
                Optional.of(new NoticeProof(id.campaignId(), "0123456789ab", items, NoticeLocale.EN, "cd".repeat(32))));
    }

    @Test
    void findByReferenceHash_recordedOrClaimed_foundElseEmpty() {
        DeliveryId recorded = ContractData.delivery();
        DeliveryId claimed = ContractData.delivery();
        String recordedRef = unique("ref");
        String claimedRef = unique("ref");
        table().recorder().record(List.of(sent(recorded, recordedRef, NOW)));
        table().claims().claim(claimed, claimedRef, NOW, NOW.plusSeconds(60));

        assertThat(history().findByReferenceHash(recordedRef)).map(Delivery::id).contains(recorded);
        assertThat(history().findByReferenceHash(claimedRef)).map(Delivery::id).contains(claimed);
        assertThat(history().findByReferenceHash(unique("ref"))).isEmpty();
    }

    @Test
    void findByReferenceHash_bringsTheRecipientMaskTheRecordKept() {
        DeliveryId withMask = ContractData.delivery();
        DeliveryId withoutMask = ContractData.delivery();
        String withMaskRef = unique("ref");
        String withoutMaskRef = unique("ref");
        table().recorder()
                .record(List.of(
                        new DeliveryRecord(
                                withMask,
                                DeliveryStatus.SENT,
                                withMaskRef,
                                Optional.of(unique("msg")),
                                Optional.empty(),
                                NOW,
                                Optional.empty(),
                                Optional.of("010-****-5678")),
                        sent(withoutMask, withoutMaskRef, NOW)));

        assertThat(history().findByReferenceHash(withMaskRef))
                .flatMap(Delivery::recipientMask)
                .contains("010-****-5678");
        assertThat(history().findByReferenceHash(withoutMaskRef))
                .map(Delivery::recipientMask)
                .contains(Optional.empty());
    }
}
