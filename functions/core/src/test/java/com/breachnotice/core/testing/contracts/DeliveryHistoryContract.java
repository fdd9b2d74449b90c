package com.breachnotice.core.testing.contracts;

import static com.breachnotice.core.testing.contracts.ContractData.NOW;
import static com.breachnotice.core.testing.contracts.ContractData.contact;
import static com.breachnotice.core.testing.contracts.ContractData.sent;
import static com.breachnotice.core.testing.contracts.ContractData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.delivery.Delivery;
import com.breachnotice.core.delivery.DeliveryHistory;
import com.breachnotice.core.delivery.DeliveryId;
import java.time.Duration;
import java.util.List;
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
}
