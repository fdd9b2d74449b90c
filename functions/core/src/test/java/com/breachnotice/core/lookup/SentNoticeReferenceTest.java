package com.breachnotice.core.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.contact.ContactNormalizer;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.delivery.InMemoryRecipientMasks;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.metrics.Metrics;
import com.breachnotice.core.planning.NoticeJob;
import com.breachnotice.core.registry.StoredContact;
import com.breachnotice.core.sending.SenderService;
import com.breachnotice.core.testing.FakeDataKeyProvider;
import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.core.testing.InMemoryCampaignStore;
import com.breachnotice.core.testing.InMemoryDeliveryLog;
import com.breachnotice.core.testing.InMemorySubjectRegistry;
import com.breachnotice.core.testing.RecordingEmailSender;
import com.breachnotice.core.testing.RecordingSmsSender;
import com.breachnotice.core.testing.SenderServiceBuilder;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The sender keeps the masked recipient in each delivery's record, so a reference code taken from a
 * notice actually sent checks as genuine with whom it was sent to: pasted into a phishing message to
 * someone else, it shows itself. Sender and lookup share one deliveries table, as in AWS.
 */
class SentNoticeReferenceTest {

    private static final String REQUESTER = "198.51.100.7";

    private final ContactKeyer keyer = Fixtures.keyer();
    private final ContactCipher cipher = new ContactCipher(new FakeDataKeyProvider());
    private final InMemoryCampaignStore campaigns = new InMemoryCampaignStore();
    private final InMemorySubjectRegistry registry = new InMemorySubjectRegistry();
    private final InMemoryDeliveryLog deliveries = new InMemoryDeliveryLog();
    private final RecordingEmailSender email = new RecordingEmailSender();
    private final RecordingSmsSender sms = new RecordingSmsSender();
    /** Empty: the mask must come with the delivery's record, not from a separate write. */
    private final InMemoryRecipientMasks masksKeptApart = new InMemoryRecipientMasks();

    private final SenderService sender = new SenderServiceBuilder()
            .campaigns(campaigns)
            .contacts(registry)
            .deliveries(deliveries)
            .cipher(cipher)
            .keyer(keyer)
            .email(email)
            .sms(sms)
            .build();

    private final SteppingClock clock = new SteppingClock(Fixtures.T0);
    private final InMemoryRateLimits counters = new InMemoryRateLimits();
    private final LookupService lookup = new LookupService(
            new InMemoryChallengeStore(),
            new RecordingCodeQueue(),
            new InMemoryContactBook(),
            deliveries,
            campaigns,
            ContactNormalizer.korea(),
            keyer,
            clock,
            new SeededRandom(7L),
            new CodeBudget(counters, clock, 1000, 1),
            Metrics.NONE,
            masksKeptApart,
            new InMemoryReferenceChecks(),
            new ContactGuesses(counters, clock, ContactGuesses.PER_CONTACT_PER_DAY));

    SentNoticeReferenceTest() {
        campaigns.create(Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST));
    }

    @Test
    void emailedNotice_itsReferenceChecksGenuine_withTheMaskedAddress() {
        ContactKey eunji = add(Fixtures.email("eunji.park@example.net"));

        sender.send(new NoticeJob("first", Channel.EMAIL, NoticeLocale.KO, List.of(eunji)));
        String printed = (String) email.bulkEmails().get(0).data().get("reference");

        assertThat(lookup.checkReference(printed, REQUESTER))
                .isInstanceOfSatisfying(ReferenceResult.Genuine.class, genuine -> {
                    assertThat(genuine.channel()).isEqualTo(Channel.EMAIL);
                    assertThat(genuine.sentAt()).contains(Fixtures.T0);
                    assertThat(genuine.recipient()).contains("e***@example.net");
                });
    }

    @Test
    void textedNotice_itsReferenceChecksGenuine_withTheMaskedNumber() {
        ContactKey phone = add(Fixtures.phone("010-9876-5432"));

        sender.send(new NoticeJob("first", Channel.SMS, NoticeLocale.KO, List.of(phone)));
        String printed = sms.sent().get(0).text().replaceAll("(?s).*참조번호 ([0-9A-Z*~$=-]+)\\..*", "$1");

        assertThat(lookup.checkReference(printed, REQUESTER))
                .isInstanceOfSatisfying(ReferenceResult.Genuine.class, genuine -> {
                    assertThat(genuine.channel()).isEqualTo(Channel.SMS);
                    // Not reversible: the middle digits are gone, and nothing else of the number is kept.
                    assertThat(genuine.recipient()).contains("010-****-5432");
                });
        assertThat(deliveries.all())
                .singleElement()
                .satisfies(delivery ->
                        assertThat(delivery.recipientMask().orElseThrow()).doesNotContain("9876"));
    }

    private ContactKey add(Contact contact) {
        StoredContact stored =
                Fixtures.stored(keyer, cipher, contact, "박은지", NoticeLocale.KO, Set.of(ItemKind.NAME), true);
        registry.put(stored, "c-" + contact.value().hashCode());
        return stored.key();
    }
}
