package com.breachnotice.core.testing.contracts;

import static com.breachnotice.core.testing.contracts.ContractData.NOW;
import static com.breachnotice.core.testing.contracts.ContractData.contact;
import static com.breachnotice.core.testing.contracts.ContractData.delivery;
import static com.breachnotice.core.testing.contracts.ContractData.sent;
import static com.breachnotice.core.testing.contracts.ContractData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.delivery.CampaignDeliveries;
import com.breachnotice.core.delivery.Delivery;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.SmsMessageIndex;
import com.breachnotice.core.delivery.StatusChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the proof of notice keeps and reads back: status history, a campaign's deliveries page by page,
 * an SMS delivery by its provider message id. Run against the in-memory fake and the DynamoDB adapter.
 */
public abstract class DeliveryProofContract {

    protected abstract DeliveryTable table();

    protected abstract CampaignDeliveries campaignDeliveries();

    protected abstract SmsMessageIndex smsIndex();

    @Test
    void history_everyStatusWithItsTime_oldestFirst_lateEventsAddNothing() {
        DeliveryId id = delivery();
        table().recorder().record(List.of(sent(id, "ref", NOW)));
        table().updates().advance(id, DeliveryStatus.DELIVERED, null, NOW.plusSeconds(5));
        table().updates().advance(id, DeliveryStatus.DELIVERED, null, NOW.plusSeconds(6));
        table().updates().advance(id, DeliveryStatus.COMPLAINED, "abuse", NOW.plusSeconds(90));
        table().updates().advance(id, DeliveryStatus.BOUNCED, null, NOW.plusSeconds(95));

        Delivery stored = table().updates().find(id).orElseThrow();
        assertThat(stored.history())
                .containsExactly(
                        new StatusChange(DeliveryStatus.SENT, NOW),
                        new StatusChange(DeliveryStatus.DELIVERED, NOW.plusSeconds(5)),
                        new StatusChange(DeliveryStatus.COMPLAINED, NOW.plusSeconds(90)));
        assertThat(stored.referenceHash()).contains("ref");
        assertThat(table().history().forContact(id.contact()).get(0).history()).isEqualTo(stored.history());
    }

    @Test
    void history_unreachable_startsFailed() {
        DeliveryId id = delivery();
        table().recorder().recordUnreachable(id, "no_sms_capable_phone", NOW);

        assertThat(table().updates().find(id).orElseThrow().history())
                .containsExactly(new StatusChange(DeliveryStatus.FAILED, NOW));
    }

    @Test
    void history_neverLongerThanTheLimit() {
        DeliveryId id = delivery();
        table().recorder().record(List.of(sent(id, "ref", NOW)));
        int second = 1;
        for (DeliveryStatus status : DeliveryStatus.values()) {
            table().updates().advance(id, status, null, NOW.plusSeconds(second++));
        }

        Delivery stored = table().updates().find(id).orElseThrow();
        assertThat(stored.history()).hasSizeLessThanOrEqualTo(StatusChange.HISTORY_LIMIT);
        assertThat(stored.history().get(stored.history().size() - 1).status()).isEqualTo(stored.status());
    }

    @Test
    void forEachPage_everyDeliveryOfTheCampaignOnce_noOther() {
        String campaign = unique("c");
        List<DeliveryId> ours = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ours.add(new DeliveryId(contact(), campaign, i % 2 == 0 ? Channel.EMAIL : Channel.SMS));
        }
        table().recorder()
                .record(ours.stream().map(id -> sent(id, unique("ref"), NOW)).toList());
        table().recorder().record(List.of(sent(delivery(), "ref", NOW)));

        List<DeliveryId> read = new ArrayList<>();
        campaignDeliveries().forEachPage(campaign, page -> page.forEach(d -> read.add(d.id())));

        assertThat(read).containsExactlyInAnyOrderElementsOf(ours);
    }

    @Test
    void smsDelivery_byTheProviderMessageIdOfAnSms_notOfAnEmail() {
        String campaign = unique("c");
        DeliveryId text = new DeliveryId(contact(), campaign, Channel.SMS);
        DeliveryId email = new DeliveryId(contact(), campaign, Channel.EMAIL);
        String textId = unique("sns");
        String emailId = unique("ses");
        table().recorder()
                .record(List.of(
                        new DeliveryRecord(text, DeliveryStatus.SENT, "r1", Optional.of(textId), Optional.empty(), NOW),
                        new DeliveryRecord(
                                email, DeliveryStatus.SENT, "r2", Optional.of(emailId), Optional.empty(), NOW)));

        assertThat(smsIndex().smsDelivery(textId)).contains(text);
        assertThat(smsIndex().smsDelivery(emailId)).isEmpty();
        assertThat(smsIndex().smsDelivery(unique("sns"))).isEmpty();
    }
}
