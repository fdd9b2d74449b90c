package com.breachnotice.core.sending;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.campaign.SendRates;
import com.breachnotice.core.campaign.SmsSegments;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.delivery.ClaimOutcome;
import com.breachnotice.core.delivery.Delivery;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.NoticeProof;
import com.breachnotice.core.delivery.ReferenceCodes;
import com.breachnotice.core.events.DeliveryEvent;
import com.breachnotice.core.events.DeliveryEventService;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.planning.NoticeJob;
import com.breachnotice.core.registry.StoredContact;
import com.breachnotice.core.testing.FakeDataKeyProvider;
import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.core.testing.InMemoryCampaignStore;
import com.breachnotice.core.testing.InMemoryDeliveryLog;
import com.breachnotice.core.testing.InMemoryJobLedger;
import com.breachnotice.core.testing.InMemorySendGovernor;
import com.breachnotice.core.testing.InMemorySubjectRegistry;
import com.breachnotice.core.testing.MutableClock;
import com.breachnotice.core.testing.RecordingEmailSender;
import com.breachnotice.core.testing.RecordingSmsSender;
import com.breachnotice.core.testing.SenderServiceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SenderServiceTest {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration CALL_DEADLINE = Duration.ofSeconds(15);
    private static final LeaseTerms LEASES = new LeaseTerms(LEASE, CALL_DEADLINE);

    private final MutableClock clock = new MutableClock(Fixtures.T0);
    private final ContactKeyer keyer = Fixtures.keyer();
    private final ContactCipher cipher = new ContactCipher(new FakeDataKeyProvider());
    private final InMemoryCampaignStore campaigns = new InMemoryCampaignStore();
    private final InMemorySubjectRegistry registry = new InMemorySubjectRegistry();
    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    private final InMemoryJobLedger jobs = new InMemoryJobLedger();
    private final InMemorySendGovernor governor = new InMemorySendGovernor();
    private final AdaptiveRate adaptive = new AdaptiveRate();
    private final RecordingEmailSender email = new RecordingEmailSender();
    private final RecordingSmsSender sms = new RecordingSmsSender();
    private final SenderService sender = senders().build();

    private SenderServiceBuilder senders() {
        return new SenderServiceBuilder()
                .campaigns(campaigns)
                .contacts(registry)
                .jobs(jobs)
                .deliveries(log)
                .cipher(cipher)
                .keyer(keyer)
                .email(email)
                .sms(sms)
                .governor(governor)
                .adaptive(adaptive)
                .clock(clock)
                .leases(LEASES);
    }

    SenderServiceTest() {
        campaigns.create(Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST));
    }

    private ContactKey add(Contact contact, String name, Set<ItemKind> items) {
        StoredContact stored = Fixtures.stored(keyer, cipher, contact, name, NoticeLocale.KO, items, true);
        registry.put(stored, "c-" + contact.value().hashCode());
        return stored.key();
    }

    private static NoticeJob job(Channel channel, List<ContactKey> keys) {
        return new NoticeJob("first", channel, NoticeLocale.KO, keys);
    }

    private Delivery delivery(ContactKey key, Channel channel) {
        return log.find(new DeliveryId(key, "first", channel)).orElseThrow();
    }

    @Test
    void send_emailJob_everyContactOnceWithTagsItemsAndReference() {
        ContactKey kim = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.NAME, ItemKind.ADDRESS_BOOK));
        ContactKey lee = add(Fixtures.email("lee@example.com"), "", Set.of(ItemKind.EMAIL));

        SenderService.JobOutcome outcome = sender.send(job(Channel.EMAIL, List.of(kim, lee)));

        assertThat(outcome).isEqualTo(new SenderService.JobOutcome(2, 0, 0, 0));
        assertThat(email.bulkCalls())
                .singleElement()
                .satisfies(call -> assertThat(call.templateName()).isEqualTo("bn-first-ko"));
        BulkEmail toKim = email.bulkEmails().get(0);
        assertThat(toKim.to()).isEqualTo("kim@example.com");
        assertThat(toKim.tags()).isEqualTo(Map.of("campaign", "first", "contact", kim.value(), "channel", "email"));
        assertThat(toKim.data().get("items")).isEqualTo(List.of("이름", "배송지 주소록(이름, 전화번호, 주소)"));
        assertThat(toKim.data().get("name")).isEqualTo("김민지");
        String reference = (String) toKim.data().get("reference");
        assertThat(ReferenceCodes.canonical(reference)).isPresent();
        assertThat(email.bulkEmails().get(1).data().get("name")).isEqualTo("");
        Delivery delivered = delivery(kim, Channel.EMAIL);
        assertThat(delivered.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(delivered.sentAt()).contains(Fixtures.T0);
        assertThat(delivered.providerMessageId()).isPresent();
        assertThat(log.findByReferenceHash(
                        keyer.referenceHash(ReferenceCodes.canonical(reference).orElseThrow())))
                .map(Delivery::id)
                .contains(new DeliveryId(kim, "first", Channel.EMAIL));
    }

    @Test
    void send_outsideTheSmsWindow_heldUnclaimed_emailStillSent() {
        // T0 is 09:00 UTC; this campaign's texts may go out only from midnight to one.
        campaigns.create(Fixtures.campaign("windowed", ChannelPolicy.BOTH)
                .withWindows(new com.breachnotice.core.campaign.SendWindows(
                        java.util.Optional.empty(),
                        java.util.Optional.of(com.breachnotice.core.campaign.SendWindow.parse("00:00-01:00@UTC")))));
        SenderService windowed =
                senders().gate(new SendWindowGate(CampaignGate.ALWAYS_OPEN)).build();
        ContactKey phone = add(Fixtures.phone("010-2345-6789"), "김민지", Set.of(ItemKind.PHONE));
        ContactKey mail = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.EMAIL));

        SenderService.JobOutcome held =
                windowed.send(new NoticeJob("windowed", Channel.SMS, NoticeLocale.KO, List.of(phone)));
        SenderService.JobOutcome sent =
                windowed.send(new NoticeJob("windowed", Channel.EMAIL, NoticeLocale.KO, List.of(mail)));

        assertThat(held).isEqualTo(SenderService.JobOutcome.heldBack(1));
        assertThat(sms.sent()).isEmpty();
        assertThat(log.find(new DeliveryId(phone, "windowed", Channel.SMS))).isEmpty();
        assertThat(sent).isEqualTo(new SenderService.JobOutcome(1, 0, 0, 0));
    }

    @Test
    void send_sameJobTwice_secondSendsNothing() {
        ContactKey kim = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.NAME));
        NoticeJob job = job(Channel.EMAIL, List.of(kim));
        sender.send(job);

        SenderService.JobOutcome again = sender.send(job);

        assertThat(again).isEqualTo(new SenderService.JobOutcome(0, 0, 1, 0));
        assertThat(email.sentTo("kim@example.com")).isEqualTo(1);
    }

    @Test
    void send_throttledEntry_retriedInProcessAtAHalvedRateThenSentExactlyOnce() {
        ContactKey kim = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.NAME));
        ContactKey lee = add(Fixtures.email("lee@example.com"), "이준", Set.of(ItemKind.NAME));
        email.script("lee@example.com", new SendResult.Throttled("rate"));
        NoticeJob job = job(Channel.EMAIL, List.of(kim, lee));

        SenderService.JobOutcome outcome = sender.send(job);

        assertThat(outcome).isEqualTo(new SenderService.JobOutcome(2, 0, 0, 0));
        assertThat(email.sentTo("kim@example.com")).isEqualTo(1);
        assertThat(email.sentTo("lee@example.com")).isEqualTo(2);
        assertThat(governor.reservations())
                .extracting(InMemorySendGovernor.Reservation::units)
                .containsExactly(2, 1);
        // The rates the schedule's own AdaptiveRate gives, before and after one throttle.
        int configured = campaigns.find("first").orElseThrow().rates().emailPerSecond();
        AdaptiveRate twin = new AdaptiveRate();
        double before = twin.rate("first", Channel.EMAIL, configured);
        twin.throttled("first", Channel.EMAIL);
        double after = twin.rate("first", Channel.EMAIL, configured);
        assertThat(after).isLessThan(before);
        assertThat(governor.reservations())
                .extracting(InMemorySendGovernor.Reservation::perSecond)
                .containsExactly(before, after);
        assertThat(sender.send(job)).isEqualTo(new SenderService.JobOutcome(0, 0, 2, 0));
    }

    @Test
    void send_entryThrottledOnEveryAttempt_jobGivenBackThenRetryTakesOverAndSendsOnlyTheRest() {
        ContactKey kim = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.NAME));
        ContactKey lee = add(Fixtures.email("lee@example.com"), "이준", Set.of(ItemKind.NAME));
        SendResult.Throttled rate = new SendResult.Throttled("rate");
        email.script("lee@example.com", rate, rate, rate);
        NoticeJob job = job(Channel.EMAIL, List.of(kim, lee));

        SenderService.JobOutcome first = sender.send(job);

        assertThat(first).isEqualTo(new SenderService.JobOutcome(1, 0, 0, 1));
        assertThat(first.complete()).isFalse();
        assertThat(log.find(new DeliveryId(lee, "first", Channel.EMAIL))).isEmpty();
        assertThat(jobs.isDone(job.key())).isFalse();

        SenderService.JobOutcome retry = sender.send(job);

        assertThat(retry).isEqualTo(new SenderService.JobOutcome(1, 0, 1, 0));
        assertThat(email.sentTo("kim@example.com")).isEqualTo(1);
        assertThat(email.sentTo("lee@example.com")).isEqualTo(4);
        assertThat(delivery(lee, Channel.EMAIL).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(jobs.count("first").count(DeliveryStatus.SENT)).isEqualTo(2);
        assertThat(sender.send(job)).isEqualTo(new SenderService.JobOutcome(0, 0, 2, 0));
    }

    @Test
    void sendAll_batchOfJobs_oneReservationEachJobAfterThePrevious() {
        ContactKey kim = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.NAME));
        ContactKey lee = add(Fixtures.email("lee@example.com"), "이준", Set.of(ItemKind.NAME));
        ContactKey park = add(Fixtures.email("park@example.com"), "박", Set.of(ItemKind.NAME));
        List<Instant> turns = new java.util.concurrent.CopyOnWriteArrayList<>();
        SenderService paced = senders().pacer(turns::add).build();

        List<SenderService.JobResult> outcomes = paced.sendAll(List.of(
                job(Channel.EMAIL, List.of(kim, lee)),
                job(Channel.EMAIL, List.of(park)),
                job(Channel.EMAIL, List.of(kim, lee))));

        // The jobs are claimed concurrently: either copy of the repeated job may be the one that sends.
        assertThat(outcomes.get(1).completed().orElseThrow().sent()).isEqualTo(1);
        assertThat(List.of(
                        outcomes.get(0).completed().orElseThrow().sent(),
                        outcomes.get(2).completed().orElseThrow().sent()))
                .containsExactlyInAnyOrder(2, 0);
        assertThat(governor.reservations())
                .singleElement()
                .satisfies(r -> assertThat(r.units()).isEqualTo(3));
        // Two turns, the second one job's worth (1 or 2 emails) after the first.
        Instant start = governor.reservations().get(0).start();
        double rate = governor.reservations().get(0).perSecond();
        assertThat(turns)
                .hasSize(2)
                .contains(start)
                .containsAnyOf(start.plusNanos(Math.round(2e9 / rate)), start.plusNanos(Math.round(1e9 / rate)));
        assertThat(email.sentTo("kim@example.com")).isEqualTo(1);
    }

    @Test
    void send_rejectedEntry_failedWithReasonNotRetried() {
        ContactKey kim = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.NAME));
        email.script("kim@example.com", new SendResult.Rejected("MessageRejected"));
        NoticeJob job = job(Channel.EMAIL, List.of(kim));

        SenderService.JobOutcome outcome = sender.send(job);

        assertThat(outcome).isEqualTo(new SenderService.JobOutcome(0, 1, 0, 0));
        assertThat(delivery(kim, Channel.EMAIL).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery(kim, Channel.EMAIL).reason()).contains("MessageRejected");
        assertThat(sender.send(job)).isEqualTo(new SenderService.JobOutcome(0, 0, 1, 0));
        assertThat(email.sentTo("kim@example.com")).isEqualTo(1);
    }

    @Test
    void send_contactMissingFromRegistry_failedNotInRegistry() {
        ContactKey ghost = keyer.keyOf(Fixtures.email("ghost@example.com"));

        SenderService.JobOutcome outcome = sender.send(job(Channel.EMAIL, List.of(ghost)));

        assertThat(outcome).isEqualTo(new SenderService.JobOutcome(0, 1, 0, 0));
        assertThat(delivery(ghost, Channel.EMAIL).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery(ghost, Channel.EMAIL).reason()).contains("not_in_registry");
        assertThat(email.bulkCalls()).isEmpty();
    }

    @Test
    void send_leaseOfCrashedSender_heldUntilExpiryThenTakenOverAndSentOnce() {
        ContactKey kim = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.NAME));
        DeliveryId id = new DeliveryId(kim, "first", Channel.EMAIL);
        NoticeJob job = job(Channel.EMAIL, List.of(kim));
        jobs.crashHolding(job.key(), 1, Fixtures.T0.plus(LEASE));

        SenderService.JobOutcome whileHeld = sender.send(job);
        clock.advance(LEASE.plusSeconds(1));
        SenderService.JobOutcome afterLease = sender.send(job);
        SenderService.JobOutcome redelivered = sender.send(job);

        assertThat(whileHeld).isEqualTo(new SenderService.JobOutcome(0, 0, 0, 1));
        assertThat(afterLease).isEqualTo(new SenderService.JobOutcome(1, 0, 0, 0));
        assertThat(redelivered).isEqualTo(new SenderService.JobOutcome(0, 0, 1, 0));
        assertThat(email.sentTo("kim@example.com")).isEqualTo(1);
        assertThat(log.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void send_crashAfterRecordBeforeCompletion_takeoverSendsNothingAgain() {
        ContactKey kim = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.NAME));
        NoticeJob job = job(Channel.EMAIL, List.of(kim));
        sender.send(job);
        // As if the sender had died after recording, before completing: the lease is all that is left.
        jobs.crashHolding(job.key(), 1, Fixtures.T0.plus(LEASE));
        clock.advance(LEASE.plusSeconds(1));

        SenderService.JobOutcome takeover = sender.send(job);

        assertThat(takeover).isEqualTo(new SenderService.JobOutcome(0, 0, 1, 0));
        assertThat(email.sentTo("kim@example.com")).isEqualTo(1);
        assertThat(jobs.count("first").count(DeliveryStatus.SENT)).isEqualTo(1);
    }

    @Test
    void send_smsJobWithASlowProvider_eachTextStartsAtItsTurnWithoutWaitingForTheOneBefore() {
        List<ContactKey> phones = List.of(
                add(Fixtures.phone("010-1111-1111"), "김민지", Set.of(ItemKind.PHONE)),
                add(Fixtures.phone("010-2222-2222"), "이서준", Set.of(ItemKind.PHONE)),
                add(Fixtures.phone("010-3333-3333"), "박하늘", Set.of(ItemKind.PHONE)));
        java.util.concurrent.CountDownLatch everyTurnCame = new java.util.concurrent.CountDownLatch(phones.size());
        // Each publish answers only once every text of the job had its turn: a sender that waited for
        // one answer before the next turn (and so fell behind a fast schedule) would never see them.
        SmsSender answersLate = (phone, text) -> {
            try {
                return everyTurnCame.await(5, java.util.concurrent.TimeUnit.SECONDS)
                        ? sms.send(phone, text)
                        : new SendResult.Failed("the turns waited for the answers");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SendResult.Failed("interrupted");
            }
        };
        SenderService slow = senders()
                .sms(answersLate)
                .pacer(turn -> everyTurnCame.countDown())
                .build();

        assertThat(slow.send(job(Channel.SMS, phones))).isEqualTo(new SenderService.JobOutcome(3, 0, 0, 0));
        assertThat(sms.sent()).hasSize(3);
        assertThat(governor.reservations()).hasSize(1);
    }

    @Test
    void send_smsJobWithAPhoneTheFallbackTextedAlready_textsOnlyTheOthers() {
        ContactKey shared = add(Fixtures.phone("010-1234-5678"), "김민지", Set.of(ItemKind.PHONE));
        ContactKey other = add(Fixtures.phone("010-2222-3333"), "이서준", Set.of(ItemKind.PHONE));
        // The fallback after an email bounce texted the shared phone in a job of its own.
        sender.send(job(Channel.SMS, List.of(shared)));

        SenderService.JobOutcome planned = sender.send(job(Channel.SMS, List.of(shared, other)));

        assertThat(planned).isEqualTo(new SenderService.JobOutcome(1, 0, 1, 0));
        assertThat(sms.sent())
                .extracting(RecordingSmsSender.Sms::phoneE164)
                .containsExactly("+821012345678", "+821022223333");
    }

    @Test
    void send_smsJob_textHasItemsAndReferenceAndNoLink() {
        ContactKey phone = add(Fixtures.phone("010-1234-5678"), "김민지", Set.of(ItemKind.PHONE, ItemKind.ORDER_HISTORY));

        SenderService.JobOutcome outcome = sender.send(job(Channel.SMS, List.of(phone)));

        assertThat(outcome.sent()).isEqualTo(1);
        RecordingSmsSender.Sms text = sms.sent().get(0);
        assertThat(text.phoneE164()).isEqualTo("+821012345678");
        assertThat(text.text()).contains("전화번호, 주문 내역").doesNotContain("{items}", "{reference}", "김민지");
        String reference = text.text().replaceAll(".*참조번호 ([0-9A-Z*~$=-]+)\\..*", "$1");
        assertThat(ReferenceCodes.canonical(reference)).isPresent();
        assertThat(NoticeText.containsLink(text.text())).isFalse();
        assertThat(email.bulkCalls()).isEmpty();
    }

    @Test
    void send_nameWithMarkup_escapedInNameHtmlOnly() {
        String name = "<b>Kim</b> & \"Lee\" 'O'";
        ContactKey kim = add(Fixtures.email("kim@example.com"), name, Set.of(ItemKind.NAME));

        sender.send(job(Channel.EMAIL, List.of(kim)));

        Map<String, Object> data = email.bulkEmails().get(0).data();
        assertThat(data.get("nameHtml")).isEqualTo("&lt;b&gt;Kim&lt;/b&gt; &amp; &quot;Lee&quot; &#39;O&#39;");
        assertThat(data.get("name")).isEqualTo(name);
    }

    @Test
    void send_unknownCampaign_skippedNothingClaimed() {
        ContactKey kim = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.NAME));

        SenderService.JobOutcome outcome =
                sender.send(new NoticeJob("missing", Channel.EMAIL, NoticeLocale.KO, List.of(kim)));

        assertThat(outcome).isEqualTo(new SenderService.JobOutcome(0, 0, 1, 0));
        assertThat(log.all()).isEmpty();
        assertThat(jobs.count("missing").total()).isZero();
    }

    @Test
    void send_crashAfterProviderTookMessage_firstReferenceStillVerifies() {
        ContactKey kim = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.NAME));
        NoticeJob job = job(Channel.EMAIL, List.of(kim));
        email.afterBulk(call -> {
            throw new IllegalStateException("sender crashed after SES accepted the call");
        });
        assertThat(sender.sendAll(List.of(job))).singleElement().isInstanceOf(SenderService.JobResult.Crashed.class);
        String firstReference = (String) email.bulkEmails().get(0).data().get("reference");
        email.afterBulk(call -> {});
        clock.advance(LEASE.plusSeconds(1));

        sender.send(job);

        assertThat(email.sentTo("kim@example.com")).isEqualTo(2);
        assertThat(log.findByReferenceHash(keyer.referenceHash(
                        ReferenceCodes.canonical(firstReference).orElseThrow())))
                .isPresent();
    }

    @Test
    void send_deliveryEventArrivesBeforeRecord_notFoundThenAppliedOnRetry() {
        ContactKey kim = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.NAME));
        DeliveryEventService events = new DeliveryEventService(log);
        DeliveryEvent delivered = new DeliveryEvent(
                "first", kim, Channel.EMAIL, DeliveryEvent.Kind.DELIVERED, Fixtures.T0, Optional.empty());
        List<DeliveryEventService.Effect> early = new java.util.ArrayList<>();
        email.afterBulk(call -> early.add(events.apply(delivered)));

        SenderService.JobOutcome outcome = sender.send(job(Channel.EMAIL, List.of(kim)));
        DeliveryEventService.Effect late = events.apply(delivered);

        assertThat(early).containsExactly(DeliveryEventService.Effect.NOT_RECORDED_YET);
        assertThat(late).isEqualTo(DeliveryEventService.Effect.ADVANCED);
        Delivery delivery = delivery(kim, Channel.EMAIL);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery.sentAt()).isPresent();
        assertThat(delivery.providerMessageId()).isPresent();
        assertThat(outcome.sent()).isEqualTo(1);
    }

    @Test
    void send_smsJob_oneReservationOfItsParts() {
        ContactKey phone = add(Fixtures.phone("010-1234-5678"), "김민지", Set.of(ItemKind.PHONE, ItemKind.ORDER_HISTORY));

        sender.send(job(Channel.SMS, List.of(phone)));

        assertThat(governor.reservations()).singleElement().satisfies(r -> {
            assertThat(r.channel()).isEqualTo(Channel.SMS);
            assertThat(r.units())
                    .isEqualTo(com.breachnotice.core.campaign.SmsSegments.count(
                            sms.sent().get(0).text()));
            assertThat(r.perSecond())
                    .isEqualTo(new AdaptiveRate()
                            .rate(
                                    "first",
                                    Channel.SMS,
                                    campaigns
                                            .find("first")
                                            .orElseThrow()
                                            .rates()
                                            .smsPerSecond()));
        });
    }

    @Test
    void send_turnAlreadyPastWhenReady_takesANewTurnInsteadOfCrowdingTheNextOnes() {
        ContactKey kim = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.NAME));
        List<Instant> reservedAt = new java.util.ArrayList<>();
        SendGovernor stale = (campaignId, channel, units, perSecond, now) -> {
            reservedAt.add(now);
            // The first turn is long gone by the time the job is ready (a slow first reservation).
            return reservedAt.size() == 1 ? now.minusSeconds(1) : now.plusMillis(200);
        };
        List<Instant> turns = new java.util.ArrayList<>();
        SenderService late = senders().governor(stale).pacer(turns::add).build();

        late.send(job(Channel.EMAIL, List.of(kim)));

        assertThat(reservedAt).hasSize(2);
        assertThat(turns).containsExactly(Fixtures.T0.plusMillis(200));
        assertThat(email.sentTo("kim@example.com")).isEqualTo(1);
    }

    @Test
    void send_jobEnclosingItsSealedContacts_sentWithoutReadingTheRegistry() {
        StoredContact kim = Fixtures.stored(
                keyer, cipher, Fixtures.email("kim@example.com"), "김민지", NoticeLocale.KO, Set.of(ItemKind.NAME), false);
        com.breachnotice.core.registry.ContactBook unreadable = keys -> {
            throw new AssertionError("the registry was read for " + keys.size() + " contacts");
        };
        SenderService enclosedOnly = senders().contacts(unreadable).build();

        SenderService.JobOutcome outcome = enclosedOnly.send(
                new NoticeJob("first", Channel.EMAIL, NoticeLocale.KO, List.of(kim.key()), Map.of(kim.key(), kim)));

        assertThat(outcome.sent()).isEqualTo(1);
        assertThat(email.sentTo("kim@example.com")).isEqualTo(1);
    }

    @Test
    void send_scheduleFurtherAheadThanTheLeaseAllows_jobParkedUnsentAndNothingReserved() {
        ContactKey kim = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.NAME));
        // Other senders' reservations run a whole lease ahead: one email at one per lease.
        governor.reserve("first", Channel.EMAIL, 1, 1.0 / LEASE.toSeconds(), clock.instant());
        NoticeJob job = job(Channel.EMAIL, List.of(kim));

        SenderService.JobOutcome outcome = sender.send(job);

        assertThat(outcome.retryLater()).isEqualTo(1);
        assertThat(outcome.complete()).isFalse();
        // Back after a sixth of the lease and a random spread, to ask again.
        assertThat(outcome.comeBackIn())
                .isBetween(LEASE.dividedBy(6), LEASE.dividedBy(6).plus(SenderService.REFUSED_SPREAD));
        assertThat(outcome.parked()).isTrue();
        assertThat(email.bulkCalls()).isEmpty();
        assertThat(governor.reservations())
                .as("the refused reservation left no hole")
                .hasSize(1);
        clock.advance(LEASE);
        assertThat(sender.send(job).sent()).isEqualTo(1);
    }

    @Test
    void sendAll_invocationEndsBeforeACallCouldEnd_nothingSentJobGivenBackAndSentLater() {
        ContactKey kim = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.NAME));
        ContactKey lee = add(Fixtures.phone("010-1234-5678"), "이준", Set.of(ItemKind.PHONE));
        List<NoticeJob> jobs = List.of(job(Channel.EMAIL, List.of(kim)), job(Channel.SMS, List.of(lee)));
        // Lambda stops the function in 5 s, well inside one call's deadline.
        Instant stopBy = clock.instant().plusSeconds(5);

        List<SenderService.JobResult> results = sender.sendAll(jobs, stopBy);

        assertThat(results)
                .extracting(r -> r.completed().orElseThrow().retryLater())
                .containsExactly(1, 1);
        assertThat(email.bulkCalls()).isEmpty();
        assertThat(sms.sent()).isEmpty();
        // Given back, not held until the lease runs out: the next invocation sends at once.
        assertThat(sender.sendAll(jobs, clock.instant().plus(LEASE)))
                .extracting(r -> r.completed().orElseThrow().sent())
                .containsExactly(1, 1);
    }

    @Test
    void send_textsWhoseTurnWouldBeTooFarAhead_parkedReleasedAndNothingReserved() {
        List<ContactKey> phones = List.of(
                add(Fixtures.phone("010-1111-1111"), "김민지", Set.of(ItemKind.PHONE)),
                add(Fixtures.phone("010-2222-2222"), "이서준", Set.of(ItemKind.PHONE)));
        // Texts reserved up to 25 s past what a holder waits for (a third of the lease).
        long parts = (LEASE.dividedBy(3).toSeconds() + 25) * 9;
        governor.reserve("first", Channel.SMS, (int) parts, 9, clock.instant());
        NoticeJob job = job(Channel.SMS, phones);

        SenderService.JobOutcome outcome = sender.send(job);

        assertThat(outcome.comeBackIn())
                .isBetween(LEASE.dividedBy(6), LEASE.dividedBy(6).plus(SenderService.REFUSED_SPREAD));
        assertThat(outcome.parked()).isTrue();
        assertThat(outcome.held()).isFalse();
        assertThat(outcome.retryLater()).isEqualTo(2);
        assertThat(sms.sent()).isEmpty();
        assertThat(governor.reservations()).hasSize(1);
        // Released, not held: once the schedule is within reach a sender takes it at once.
        clock.advance(Duration.ofSeconds(30));
        assertThat(sender.send(job)).isEqualTo(new SenderService.JobOutcome(2, 0, 0, 0));
        assertThat(sms.sent()).hasSize(2);
    }

    @Test
    void sendAll_smsBatchLongerThanHalfTheWaitForATurn_onlyTheFirstJobReservedTheOtherParkedUnreserved() {
        campaigns.create(Fixtures.campaign("slow", ChannelPolicy.EMAIL_FIRST).withRates(new SendRates(14, 1)));
        List<ContactKey> phones = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            phones.add(add(
                    Fixtures.phone(String.format(java.util.Locale.ROOT, "010-3%03d-%04d", i, i)),
                    "김민지",
                    Set.of(ItemKind.PHONE)));
        }
        SenderService paced = senders().pacer(turn -> {}).build();

        // Each job's 30 texts are over 30 parts: at one part a second, over half the 100 s a holder waits.
        List<SenderService.JobResult> outcomes = paced.sendAll(List.of(
                new NoticeJob("slow", Channel.SMS, NoticeLocale.KO, phones.subList(0, 30)),
                new NoticeJob("slow", Channel.SMS, NoticeLocale.KO, phones.subList(30, 60))));

        assertThat(outcomes.get(0).completed().orElseThrow().sent()).isEqualTo(30);
        SenderService.JobOutcome second = outcomes.get(1).completed().orElseThrow();
        assertThat(second.sent()).isZero();
        assertThat(second.parked()).isTrue();
        assertThat(second.comeBackIn()).isPositive();
        assertThat(governor.reservations())
                .as("one reservation, for the first job's parts only")
                .singleElement()
                .satisfies(r -> assertThat(r.units())
                        .isEqualTo(sms.sent().stream()
                                .mapToInt(t -> SmsSegments.count(t.text()))
                                .sum()));
    }

    @Test
    void send_afterAReservationEndingTooFarAhead_nextJobsParkedWithoutReserving() {
        List<ContactKey> phones = List.of(
                add(Fixtures.phone("010-1111-1111"), "김민지", Set.of(ItemKind.PHONE)),
                add(Fixtures.phone("010-2222-2222"), "이서준", Set.of(ItemKind.PHONE)));
        Duration untilTurn = LEASE.dividedBy(3).plusSeconds(25);
        List<Instant> reservedAt = new ArrayList<>();
        // A governor that cannot refuse (the interface's default): its reservation ends too far ahead.
        SendGovernor queuedBehindTexts = new SendGovernor() {
            @Override
            public Instant reserve(String campaignId, Channel channel, int units, double perSecond, Instant now) {
                reservedAt.add(now);
                return now.plus(untilTurn);
            }

            @Override
            public Optional<Instant> reserveBy(
                    String campaignId, Channel channel, int units, double perSecond, Instant now, Instant latest) {
                return Optional.of(reserve(campaignId, channel, units, perSecond, now));
            }
        };
        SenderService sender = senders().governor(queuedBehindTexts).build();

        SenderService.JobOutcome first = sender.send(job(Channel.SMS, phones.subList(0, 1)));
        SenderService.JobOutcome second = sender.send(job(Channel.SMS, phones.subList(1, 2)));

        // One reservation only: the second job knew the schedule ran further than it may wait, so
        // it left no unused turns, and comes back when that end is within a third of the lease.
        assertThat(reservedAt).hasSize(1);
        assertThat(first.parked()).isTrue();
        assertThat(second.parked()).isTrue();
        assertThat(second.comeBackIn()).isPositive().isLessThan(first.comeBackIn());
        assertThat(sms.sent()).isEmpty();
    }

    @Test
    void send_wokeLaterThanLate_takesANewTurnBeforeCalling() {
        ContactKey kim = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.NAME));
        List<Instant> waitedFor = new ArrayList<>();
        SenderService busy = senders()
                .pacer(turn -> {
                    waitedFor.add(turn);
                    if (waitedFor.size() == 1) {
                        clock.advance(SendSchedule.LATE.plusMillis(1).plus(Duration.between(clock.instant(), turn)));
                    }
                })
                .build();

        SenderService.JobOutcome outcome = busy.send(job(Channel.EMAIL, List.of(kim)));

        assertThat(outcome.sent()).isEqualTo(1);
        assertThat(waitedFor).hasSize(2);
        assertThat(waitedFor.get(1)).isAfter(waitedFor.get(0));
        assertThat(governor.reservations()).hasSize(2);
        assertThat(email.bulkCalls()).hasSize(1);
    }

    @Test
    void send_givenBackForAnotherReason_notParked() {
        ContactKey kim = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.NAME));
        NoticeJob job = job(Channel.EMAIL, List.of(kim));
        jobs.crashHolding(job.key(), 1, Fixtures.T0.plus(LEASE));

        SenderService.JobOutcome outcome = sender.send(job);

        assertThat(outcome).isEqualTo(new SenderService.JobOutcome(0, 0, 0, 1));
        assertThat(outcome.parked()).isFalse();
        assertThat(outcome.comeBackIn()).isZero();
    }

    @Test
    void send_leaseLostWhileSending_notReportedDoneSoTheMessageComesBack() {
        ContactKey kim = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.NAME));
        NoticeJob job = job(Channel.EMAIL, List.of(kim));
        email.afterBulk(call -> jobs.crashHolding(job.key(), 1, Fixtures.T0.plusSeconds(1)));

        SenderService.JobOutcome outcome = sender.send(job);

        assertThat(outcome.complete()).isFalse();
        assertThat(jobs.isDone(job.key())).isFalse();
        email.afterBulk(call -> {});
        clock.advance(Duration.ofSeconds(2));
        assertThat(sender.send(job)).isEqualTo(new SenderService.JobOutcome(0, 0, 1, 0));
        assertThat(jobs.isDone(job.key())).isTrue();
        assertThat(email.sentTo("kim@example.com")).isEqualTo(1);
    }

    @Test
    void send_twoSmsJobsHoldingOnePhoneBothPastTheRecordsRead_phoneTextedOnce() {
        ContactKey shared = add(Fixtures.phone("010-1234-5678"), "김민지", Set.of(ItemKind.PHONE));
        ContactKey other = add(Fixtures.phone("010-2222-3333"), "이서준", Set.of(ItemKind.PHONE));
        NoticeJob fallback = job(Channel.SMS, List.of(shared));
        NoticeJob planned = job(Channel.SMS, List.of(shared, other));
        List<SenderService.JobOutcome> fallbackOutcome = new java.util.ArrayList<>();
        // The planned job has read its records (nothing yet) and waits for its turn; meanwhile the
        // fallback job reads its records (nothing yet either), texts the shared phone and records it.
        SenderService plannedSender = senders()
                .pacer(turn -> {
                    if (fallbackOutcome.isEmpty()) {
                        fallbackOutcome.add(sender.send(fallback));
                    }
                })
                .build();

        SenderService.JobOutcome plannedOutcome = plannedSender.send(planned);

        assertThat(fallbackOutcome).containsExactly(new SenderService.JobOutcome(1, 0, 0, 0));
        assertThat(plannedOutcome).isEqualTo(new SenderService.JobOutcome(1, 0, 1, 0));
        assertThat(sms.sentTo("+821012345678")).isEqualTo(1);
        assertThat(sms.sentTo("+821022223333")).isEqualTo(1);
        assertThat(jobs.isDone(planned.key())).isTrue();
        assertThat(log.all()).extracting(Delivery::status).containsOnly(DeliveryStatus.SENT);
    }

    @Test
    void send_smsJobWhosePhoneAnotherJobHoldsUnderALiveClaim_leftPendingNotCompleted() {
        ContactKey shared = add(Fixtures.phone("010-1234-5678"), "김민지", Set.of(ItemKind.PHONE));
        ContactKey other = add(Fixtures.phone("010-2222-3333"), "이서준", Set.of(ItemKind.PHONE));
        DeliveryId sharedId = new DeliveryId(shared, "first", Channel.SMS);
        // Another SMS job claimed the shared phone and is about to text it.
        assertThat(log.claim(sharedId, "hash-of-the-other-job", Fixtures.T0, Fixtures.T0.plus(LEASE)))
                .isInstanceOf(ClaimOutcome.Claimed.class);
        NoticeJob planned = job(Channel.SMS, List.of(shared, other));

        SenderService.JobOutcome whileHeld = sender.send(planned);

        assertThat(whileHeld).isEqualTo(new SenderService.JobOutcome(1, 0, 0, 1));
        assertThat(whileHeld.complete()).isFalse();
        assertThat(jobs.isDone(planned.key())).isFalse();
        assertThat(sms.sentTo("+821012345678")).isZero();
        assertThat(log.find(sharedId).orElseThrow().status()).isEqualTo(DeliveryStatus.SENDING);
        // The other job died without texting: after its lease the message that came back texts it.
        clock.advance(LEASE.plusSeconds(1));
        assertThat(sender.send(planned)).isEqualTo(new SenderService.JobOutcome(1, 0, 1, 0));
        assertThat(jobs.isDone(planned.key())).isTrue();
        assertThat(sms.sentTo("+821012345678")).isEqualTo(1);
        assertThat(sms.sentTo("+821022223333")).isEqualTo(1);
    }

    @Test
    void send_smsCrashAfterClaimBeforePublish_takeoverTextsOnce() {
        ContactKey kim = add(Fixtures.phone("010-1234-5678"), "김민지", Set.of(ItemKind.PHONE));
        DeliveryId id = new DeliveryId(kim, "first", Channel.SMS);
        NoticeJob job = job(Channel.SMS, List.of(kim));
        SmsSender diesBeforePublish = (phone, text) -> {
            throw new IllegalStateException("sender died before SNS took the text");
        };
        SenderService crashing = senders().sms(diesBeforePublish).build();
        assertThat(crashing.sendAll(List.of(job))).singleElement().isInstanceOf(SenderService.JobResult.Crashed.class);
        assertThat(log.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.SENDING);
        assertThat(log.recorded(List.of(id))).isEmpty();
        clock.advance(LEASE.plusSeconds(1));

        SenderService.JobOutcome takeover = sender.send(job);
        SenderService.JobOutcome redelivered = sender.send(job);

        assertThat(takeover).isEqualTo(new SenderService.JobOutcome(1, 0, 0, 0));
        assertThat(redelivered).isEqualTo(new SenderService.JobOutcome(0, 0, 1, 0));
        assertThat(sms.sentTo("+821012345678")).isEqualTo(1);
        assertThat(log.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(log.leaseUntil(id)).isEmpty();
    }

    @Test
    void send_smsCrashAfterPublishBeforeRecord_takeoverTextsAtMostOnceMore() {
        ContactKey kim = add(Fixtures.phone("010-1234-5678"), "김민지", Set.of(ItemKind.PHONE));
        DeliveryId id = new DeliveryId(kim, "first", Channel.SMS);
        NoticeJob job = job(Channel.SMS, List.of(kim));
        SmsSender diesAfterPublish = (phone, text) -> {
            sms.send(phone, text);
            throw new IllegalStateException("sender died after SNS took the text");
        };
        SenderService crashing = senders().sms(diesAfterPublish).build();
        assertThat(crashing.sendAll(List.of(job))).singleElement().isInstanceOf(SenderService.JobResult.Crashed.class);
        // Before the lease runs out the delivery is neither texted again nor taken for done.
        clock.advance(Duration.ofSeconds(1));
        assertThat(sender.send(job)).isEqualTo(new SenderService.JobOutcome(0, 0, 0, 1));
        clock.advance(LEASE);

        SenderService.JobOutcome takeover = sender.send(job);
        SenderService.JobOutcome redelivered = sender.send(job);

        assertThat(takeover).isEqualTo(new SenderService.JobOutcome(1, 0, 0, 0));
        assertThat(redelivered).isEqualTo(new SenderService.JobOutcome(0, 0, 1, 0));
        assertThat(sms.sentTo("+821012345678")).isEqualTo(2);
        assertThat(log.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void send_smsThrottled_claimGivenBackAndJobComesBack() {
        ContactKey kim = add(Fixtures.phone("010-1234-5678"), "김민지", Set.of(ItemKind.PHONE));
        DeliveryId id = new DeliveryId(kim, "first", Channel.SMS);
        sms.script("+821012345678", new SendResult.Throttled("rate"));
        NoticeJob job = job(Channel.SMS, List.of(kim));

        SenderService.JobOutcome throttled = sender.send(job);

        assertThat(throttled).isEqualTo(new SenderService.JobOutcome(0, 0, 0, 1));
        assertThat(log.find(id)).isEmpty();
        assertThat(sender.send(job)).isEqualTo(new SenderService.JobOutcome(1, 0, 0, 0));
        assertThat(sms.sentTo("+821012345678")).isEqualTo(2);
    }

    @Test
    void send_waitEndsWhenTheLeaseNoLongerOutlastsACall_noProviderCallAndJobGivenBack() {
        ContactKey kim = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.NAME));
        NoticeJob job = job(Channel.EMAIL, List.of(kim));
        SenderService slow = senders()
                .pacer(turn -> clock.advance(LEASE.minus(CALL_DEADLINE)))
                .build();

        SenderService.JobOutcome fenced = slow.send(job);

        assertThat(fenced).isEqualTo(new SenderService.JobOutcome(0, 0, 0, 1));
        assertThat(email.bulkCalls()).isEmpty();
        assertThat(jobs.isDone(job.key())).isFalse();
        // Given back, not left to its lease: the retry claims it at once and sends it once.
        assertThat(sender.send(job)).isEqualTo(new SenderService.JobOutcome(1, 0, 0, 0));
        assertThat(email.sentTo("kim@example.com")).isEqualTo(1);
    }

    @Test
    void send_waitEndsJustBeforeTheFenceFarPastTheTurn_noLateCallTheNewTurnIsFenced() {
        ContactKey kim = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.NAME));
        SenderService slow = senders()
                .pacer(turn -> clock.advance(LEASE.minus(CALL_DEADLINE).minusMillis(1)))
                .build();

        // Woke minutes after its turn: no call then (it would crowd the next turns); the new turn
        // comes after the fence, so the job goes back unsent.
        assertThat(slow.send(job(Channel.EMAIL, List.of(kim)))).isEqualTo(new SenderService.JobOutcome(0, 0, 0, 1));
        assertThat(email.sentTo("kim@example.com")).isZero();
    }

    @Test
    void send_smsJobOverrunsItsLeaseMidway_recordsWhatWentOutReleasesAndTheRetryTextsOnlyTheRest() {
        ContactKey first = add(Fixtures.phone("010-1234-5678"), "김민지", Set.of(ItemKind.PHONE));
        ContactKey second = add(Fixtures.phone("010-2222-3333"), "이서준", Set.of(ItemKind.PHONE));
        NoticeJob job = job(Channel.SMS, List.of(first, second));
        int[] waits = {0};
        // The machine stalls after the first text: the second turn comes when the lease is nearly out.
        SenderService stalling = senders()
                .pacer(turn -> {
                    if (waits[0]++ == 1) {
                        clock.advance(LEASE.minusSeconds(1));
                    }
                })
                .build();

        SenderService.JobOutcome fenced = stalling.send(job);

        assertThat(fenced).isEqualTo(new SenderService.JobOutcome(1, 0, 0, 1));
        assertThat(sms.sentTo("+821012345678")).isEqualTo(1);
        assertThat(sms.sentTo("+821022223333")).isZero();
        assertThat(delivery(first, Channel.SMS).status()).isEqualTo(DeliveryStatus.SENT);
        // No claim was made for the text that did not go: nothing waits for a lease to run out.
        assertThat(log.find(new DeliveryId(second, "first", Channel.SMS))).isEmpty();
        assertThat(sender.send(job)).isEqualTo(new SenderService.JobOutcome(1, 0, 1, 0));
        assertThat(sms.sentTo("+821012345678")).isEqualTo(1);
        assertThat(sms.sentTo("+821022223333")).isEqualTo(1);
        assertThat(jobs.isDone(job.key())).isTrue();
    }

    @Test
    void send_gateHoldsTheCampaign_nothingClaimedAndTheJobComesBack() {
        ContactKey kim = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.NAME));
        NoticeJob job = job(Channel.EMAIL, List.of(kim));
        SenderService paused = senders()
                .gate((campaign, now) -> new CampaignGate.Decision.Held())
                .build();

        assertThat(paused.send(job)).isEqualTo(new SenderService.JobOutcome(0, 0, 0, 1, 0, true));
        assertThat(email.bulkCalls()).isEmpty();
        assertThat(jobs.count("first").total()).isZero();
        assertThat(sender.send(job).sent()).isEqualTo(1);
    }

    @Test
    void send_gateClosed_unsentDeliveriesRecordedCancelledWithTheReasonNothingSent() {
        ContactKey kim = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.NAME));
        ContactKey lee = add(Fixtures.email("lee@example.com"), "이서연", Set.of(ItemKind.NAME));
        SenderService cancelled = senders()
                .gate((campaign, now) -> new CampaignGate.Decision.Closed("wrong text"))
                .build();
        NoticeJob job = job(Channel.EMAIL, List.of(kim, lee));

        SenderService.JobOutcome outcome = cancelled.send(job);

        assertThat(outcome).isEqualTo(new SenderService.JobOutcome(0, 0, 0, 0, 2, false));
        assertThat(email.bulkCalls()).isEmpty();
        assertThat(log.find(new DeliveryId(kim, "first", Channel.EMAIL))).hasValueSatisfying(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.CANCELLED);
            assertThat(d.reason()).contains(SenderService.CANCELLED_REASON_PREFIX + "wrong text");
        });
        assertThat(jobs.isDone(job.key())).isTrue();
        assertThat(cancelled.send(job)).isEqualTo(new SenderService.JobOutcome(0, 0, 2, 0));
    }

    @Test
    void send_emailRecord_keepsWhatThePersonWasToldWithTheHashOfTheRenderedMessage() throws Exception {
        ContactKey kim = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.ADDRESS_BOOK, ItemKind.NAME));

        sender.send(job(Channel.EMAIL, List.of(kim)));

        String reference = (String) email.bulkEmails().get(0).data().get("reference");
        // The ko fixture's subject, text and HTML parts filled in by hand, joined by NUL.
        String message = "개인정보 유출 안내"
                + "\u0000김민지님, 다음 정보가 유출되었습니다. 참조번호 " + reference
                + "\u0000<p>김민지님</p><ul><li>이름</li><li>배송지 주소록(이름, 전화번호, 주소)</li></ul><p>" + reference
                + "</p>";
        NoticeProof told = delivery(kim, Channel.EMAIL).told().orElseThrow();
        assertThat(told.notice()).isEqualTo("first");
        assertThat(told.version()).matches("[0-9a-f]{12}");
        assertThat(told.items()).containsExactly(ItemKind.NAME, ItemKind.ADDRESS_BOOK);
        assertThat(told.locale()).isEqualTo(NoticeLocale.KO);
        assertThat(told.messageSha256()).isEqualTo(sha256(message));
    }

    @Test
    void send_smsRecord_hashIsOfTheExactTextPublished() throws Exception {
        ContactKey phone = add(Fixtures.phone("010-1234-5678"), "김민지", Set.of(ItemKind.PHONE));

        sender.send(job(Channel.SMS, List.of(phone)));

        NoticeProof told = delivery(phone, Channel.SMS).told().orElseThrow();
        assertThat(told.messageSha256()).isEqualTo(sha256(sms.sent().get(0).text()));
        assertThat(told.items()).containsExactly(ItemKind.PHONE);
        // One version per notice text: the email and the text of one campaign and language share it.
        ContactKey kim = add(Fixtures.email("kim@example.com"), "김민지", Set.of(ItemKind.NAME));
        sender.send(job(Channel.EMAIL, List.of(kim)));
        assertThat(delivery(kim, Channel.EMAIL).told().orElseThrow().version()).isEqualTo(told.version());
    }

    private static String sha256(String message) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
