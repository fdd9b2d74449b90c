package com.breachnotice.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.events.DeliveryEventService.Effect;
import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.core.testing.InMemoryDeliveryLog;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeliveryEventServiceTest {

    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    private final DeliveryEventService service = new DeliveryEventService(log);
    private final ContactKey contact = Fixtures.keyer().keyOf(Contact.email("kim@example.com"));
    private final DeliveryId id = new DeliveryId(contact, "first", Channel.EMAIL);
    private final Instant t = Fixtures.T0;

    @BeforeEach
    void sent() {
        log.record(
                List.of(new DeliveryRecord(id, DeliveryStatus.SENT, "ref", Optional.of("ses-1"), Optional.empty(), t)));
    }

    private DeliveryEvent event(DeliveryEvent.Kind kind, int seconds) {
        return new DeliveryEvent(
                "first", contact, Channel.EMAIL, kind, t.plusSeconds(seconds), Optional.of(kind.name()));
    }

    private DeliveryStatus status() {
        return log.find(id).orElseThrow().status();
    }

    @Test
    void apply_delivered_advancesFromSent() {
        assertThat(service.apply(event(DeliveryEvent.Kind.DELIVERED, 5))).isEqualTo(Effect.ADVANCED);
        assertThat(status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(log.find(id).orElseThrow().sentAt()).contains(t);
    }

    @Test
    void apply_deliveredAfterBounce_changesNothing() {
        service.apply(event(DeliveryEvent.Kind.HARD_BOUNCE, 5));

        assertThat(service.apply(event(DeliveryEvent.Kind.DELIVERED, 6))).isEqualTo(Effect.NO_CHANGE);
        assertThat(status()).isEqualTo(DeliveryStatus.BOUNCED);
        assertThat(log.find(id).orElseThrow().updatedAt()).isEqualTo(t.plusSeconds(5));
    }

    @Test
    void apply_duplicateEvent_harmless() {
        assertThat(service.apply(event(DeliveryEvent.Kind.COMPLAINT, 5))).isEqualTo(Effect.ADVANCED);
        assertThat(service.apply(event(DeliveryEvent.Kind.COMPLAINT, 5))).isEqualTo(Effect.NO_CHANGE);
        assertThat(status()).isEqualTo(DeliveryStatus.COMPLAINED);
    }

    @ParameterizedTest
    @EnumSource(names = {"SOFT_BOUNCE", "DELAYED"})
    void apply_softBounceOrDelay_ignored(DeliveryEvent.Kind kind) {
        assertThat(service.apply(event(kind, 5))).isEqualTo(Effect.IGNORED);
        assertThat(status()).isEqualTo(DeliveryStatus.SENT);
    }

    @ParameterizedTest
    @EnumSource(names = {"REJECTED", "RENDERING_FAILED"})
    void apply_providerFailure_failedWithReason(DeliveryEvent.Kind kind) {
        assertThat(service.apply(event(kind, 5))).isEqualTo(Effect.ADVANCED);
        assertThat(status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(log.find(id).orElseThrow().reason()).contains(kind.name());
    }

    @Test
    void apply_eventBeforeItsRecord_notRecordedYetNothingCreated() {
        ContactKey stranger = Fixtures.keyer().keyOf(Contact.email("stranger@example.com"));

        Effect effect = service.apply(
                new DeliveryEvent("first", stranger, Channel.EMAIL, DeliveryEvent.Kind.DELIVERED, t, Optional.empty()));

        assertThat(effect).isEqualTo(Effect.NOT_RECORDED_YET);
        assertThat(log.forContact(stranger)).isEmpty();
    }

    @Test
    void apply_hardBounceUnderEmailFirst_queuesOneSmsJobPerOwnerPhoneOnce() {
        var campaigns = new com.breachnotice.core.testing.InMemoryCampaignStore();
        campaigns.create(Fixtures.campaign("first", com.breachnotice.core.campaign.ChannelPolicy.EMAIL_FIRST));
        var keyer = Fixtures.keyer();
        var cipher =
                new com.breachnotice.core.crypto.ContactCipher(new com.breachnotice.core.testing.FakeDataKeyProvider());
        var phone = Fixtures.stored(
                keyer,
                cipher,
                Fixtures.phone("010-1234-5678"),
                "",
                com.breachnotice.core.manifest.NoticeLocale.KO,
                java.util.Set.of(com.breachnotice.core.manifest.ItemKind.PHONE),
                false);
        var queue = new com.breachnotice.core.testing.RecordingNoticeJobQueue();
        DeliveryEventService withFallback =
                new DeliveryEventService(log, campaigns, email -> java.util.List.of(phone), queue);

        withFallback.apply(event(DeliveryEvent.Kind.HARD_BOUNCE, 5));
        withFallback.apply(event(DeliveryEvent.Kind.HARD_BOUNCE, 6));
        withFallback.apply(event(DeliveryEvent.Kind.DELIVERED, 7));

        assertThat(queue.all()).singleElement().satisfies(job -> {
            assertThat(job.channel()).isEqualTo(Channel.SMS);
            assertThat(job.contacts()).containsExactly(phone.key());
            assertThat(job.enclosed()).containsEntry(phone.key(), phone);
        });
    }

    /**
     * The bounce must not be recorded before its fallback is queued: the handler throws on a queue or
     * table failure so that Lambda retries, and a retry that finds the email already bounced would
     * never queue the SMS. Nobody would be notified.
     */
    @Test
    void apply_fallbackFailsOnce_retriedEventStillQueuesTheSms() {
        var campaigns = new com.breachnotice.core.testing.InMemoryCampaignStore();
        campaigns.create(Fixtures.campaign("first", com.breachnotice.core.campaign.ChannelPolicy.EMAIL_FIRST));
        var phone = Fixtures.stored(
                Fixtures.keyer(),
                new com.breachnotice.core.crypto.ContactCipher(new com.breachnotice.core.testing.FakeDataKeyProvider()),
                Fixtures.phone("010-1234-5678"),
                "",
                com.breachnotice.core.manifest.NoticeLocale.KO,
                java.util.Set.of(com.breachnotice.core.manifest.ItemKind.PHONE),
                false);
        var queue = new com.breachnotice.core.testing.RecordingNoticeJobQueue();
        var failures = new java.util.concurrent.atomic.AtomicInteger(1);
        DeliveryEventService withFallback =
                new DeliveryEventService(log, campaigns, email -> java.util.List.of(phone), jobs -> {
                    if (failures.getAndDecrement() > 0) {
                        throw new IllegalStateException("queue unavailable");
                    }
                    queue.enqueue(jobs);
                });

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> withFallback.apply(event(DeliveryEvent.Kind.HARD_BOUNCE, 5)))
                .isInstanceOf(IllegalStateException.class);
        Effect retried = withFallback.apply(event(DeliveryEvent.Kind.HARD_BOUNCE, 5));
        Effect repeated = withFallback.apply(event(DeliveryEvent.Kind.HARD_BOUNCE, 6));

        assertThat(retried).isEqualTo(Effect.ADVANCED);
        assertThat(repeated).isEqualTo(Effect.NO_CHANGE);
        assertThat(status()).isEqualTo(DeliveryStatus.BOUNCED);
        assertThat(queue.all())
                .singleElement()
                .satisfies(job -> assertThat(job.contacts()).containsExactly(phone.key()));
    }

    @Test
    void apply_suppressedUnderBoth_noFallback() {
        var campaigns = new com.breachnotice.core.testing.InMemoryCampaignStore();
        campaigns.create(Fixtures.campaign("first", com.breachnotice.core.campaign.ChannelPolicy.BOTH));
        var queue = new com.breachnotice.core.testing.RecordingNoticeJobQueue();
        DeliveryEventService withFallback = new DeliveryEventService(
                log,
                campaigns,
                email -> {
                    throw new AssertionError("no fallback under both");
                },
                queue);

        assertThat(withFallback.apply(event(DeliveryEvent.Kind.SUPPRESSED, 5))).isEqualTo(Effect.ADVANCED);
        assertThat(queue.all()).isEmpty();
    }
}
