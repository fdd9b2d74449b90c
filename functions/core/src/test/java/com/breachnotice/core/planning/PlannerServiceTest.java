package com.breachnotice.core.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.NoticeProof;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.registry.StoredContact;
import com.breachnotice.core.testing.FakeDataKeyProvider;
import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.core.testing.InMemoryCampaignStore;
import com.breachnotice.core.testing.InMemoryContactDirectory;
import com.breachnotice.core.testing.InMemoryDeliveryLog;
import com.breachnotice.core.testing.InMemoryJobLedger;
import com.breachnotice.core.testing.InMemoryPlanLedger;
import com.breachnotice.core.testing.RecordingNoticeJobQueue;
import com.breachnotice.core.testing.RecordingPlanQueue;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerServiceTest {

    private final ContactKeyer keyer = Fixtures.keyer();
    private final InMemoryCampaignStore campaigns = new InMemoryCampaignStore();
    private final InMemoryPlanLedger ledger = new InMemoryPlanLedger();
    private final RecordingNoticeJobQueue jobs = new RecordingNoticeJobQueue();
    private final RecordingPlanQueue plans = new RecordingPlanQueue();
    private final InMemoryDeliveryLog deliveries = new InMemoryDeliveryLog();
    private final InMemoryJobLedger jobLedger = new InMemoryJobLedger();

    private PlannerService planner(InMemoryContactDirectory directory) {
        return new PlannerService(
                campaigns,
                directory,
                ledger,
                jobs,
                plans,
                deliveries,
                deliveries,
                jobLedger,
                Clock.fixed(Fixtures.T0, ZoneOffset.UTC));
    }

    private ContactProfile email(int i, NoticeLocale locale) {
        return new ContactProfile(keyer.keyOf(Contact.email("user" + i + "@example.com")), locale, false, false);
    }

    private ContactProfile mobile(int i, boolean ownerWithoutEmail) {
        return new ContactProfile(
                keyer.keyOf(Contact.phone("+8210" + (20000000 + i), true)), NoticeLocale.KO, true, ownerWithoutEmail);
    }

    private ContactProfile landline(int i) {
        return new ContactProfile(
                keyer.keyOf(Contact.phone("+822" + (3000000 + i), false)), NoticeLocale.KO, false, true);
    }

    private static PlanTask first(String campaignId) {
        return new PlanTask(campaignId, 0, 1, 0, Optional.empty());
    }

    @Test
    void plan_manyContacts_jobsOfAtMost50PerChannelAndLocale() {
        campaigns.create(Fixtures.campaign("first", ChannelPolicy.BOTH));
        InMemoryContactDirectory directory = new InMemoryContactDirectory(10_000);
        for (int i = 0; i < 120; i++) {
            directory.add(email(i, NoticeLocale.KO));
        }
        for (int i = 0; i < 30; i++) {
            directory.add(email(1000 + i, NoticeLocale.EN));
            directory.add(mobile(i, false));
        }

        PlannerService.Outcome outcome = planner(directory).plan(first("first"));

        assertThat(outcome).isEqualTo(new PlannerService.Outcome.Planned(180, true));
        List<NoticeJob> planned = jobs.all();
        assertThat(planned).allSatisfy(job -> assertThat(job.contacts()).hasSizeBetween(1, 50));
        assertThat(planned)
                .extracting(job -> job.channel() + "/" + job.locale() + "/"
                        + job.contacts().size())
                .containsExactlyInAnyOrder("EMAIL/KO/50", "EMAIL/KO/50", "EMAIL/KO/20", "EMAIL/EN/30", "SMS/KO/30");
        Set<ContactKey> distinct = new HashSet<>();
        planned.forEach(job -> distinct.addAll(job.contacts()));
        assertThat(distinct).hasSize(180);
        assertThat(planned).allSatisfy(job -> assertThat(job.campaignId()).isEqualTo("first"));
    }

    @Test
    void plan_emailFirst_emailToEveryEmailSmsOnlyToOwnersWithoutEmail() {
        campaigns.create(Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST));
        ContactProfile email = email(1, NoticeLocale.KO);
        ContactProfile mobileOfEmailOwner = mobile(1, false);
        ContactProfile mobileWithoutEmail = mobile(2, true);
        InMemoryContactDirectory directory = new InMemoryContactDirectory(100)
                .addAll(List.of(email, mobileOfEmailOwner, mobileWithoutEmail, landline(3)));

        planner(directory).plan(first("first"));

        assertThat(jobs.all()).hasSize(2);
        assertThat(jobs.all())
                .filteredOn(j -> j.channel() == Channel.EMAIL)
                .singleElement()
                .satisfies(j -> assertThat(j.contacts()).containsExactly(email.key()));
        assertThat(jobs.all())
                .filteredOn(j -> j.channel() == Channel.SMS)
                .singleElement()
                .satisfies(j -> assertThat(j.contacts()).containsExactly(mobileWithoutEmail.key()));
        // The landline-only person is planned too: as an unreachable, failed delivery.
        assertThat(ledger.progress("first").plannedDeliveries()).isEqualTo(3);
    }

    @Test
    void plan_pagesChain_continuationCarriesNextStartKeyUntilLastPage() {
        campaigns.create(Fixtures.campaign("first", ChannelPolicy.BOTH));
        InMemoryContactDirectory directory = new InMemoryContactDirectory(4);
        for (int i = 0; i < 10; i++) {
            directory.add(email(i, NoticeLocale.KO));
        }
        PlannerService planner = planner(directory);
        List<PlannerService.Outcome> outcomes = new ArrayList<>();

        outcomes.add(planner.plan(first("first")));
        while (!plans.all().isEmpty()) {
            for (PlanTask next : plans.drain()) {
                outcomes.add(planner.plan(next));
            }
        }

        assertThat(outcomes)
                .containsExactly(
                        new PlannerService.Outcome.Planned(4, false),
                        new PlannerService.Outcome.Planned(4, false),
                        new PlannerService.Outcome.Planned(2, true));
        assertThat(directory.scannedFrom().get(0)).isEmpty();
        assertThat(directory.scannedFrom().get(1)).isPresent();
        Set<ContactKey> planned = new HashSet<>();
        jobs.all().forEach(job -> planned.addAll(job.contacts()));
        assertThat(planned).hasSize(10);
        assertThat(ledger.progress("first")).isEqualTo(new PlanProgress(10, 1, 1));
    }

    @Test
    void plan_completedPageRedelivered_notPlannedAgain() {
        campaigns.create(Fixtures.campaign("first", ChannelPolicy.BOTH));
        InMemoryContactDirectory directory = new InMemoryContactDirectory(100).add(email(1, NoticeLocale.KO));
        PlannerService planner = planner(directory);
        planner.plan(first("first"));

        PlannerService.Outcome again = planner.plan(first("first"));

        assertThat(again).isEqualTo(new PlannerService.Outcome.AlreadyPlanned());
        assertThat(jobs.all()).hasSize(1);
        assertThat(directory.scannedFrom()).hasSize(1);
        assertThat(ledger.progress("first").plannedDeliveries()).isEqualTo(1);
    }

    @Test
    void plan_segments_plannedCountsSummedAndSegmentsCounted() {
        campaigns.create(Fixtures.campaign("first", ChannelPolicy.EMAIL_ONLY));
        InMemoryContactDirectory directory = new InMemoryContactDirectory(1000);
        for (int i = 0; i < 40; i++) {
            directory.add(email(i, NoticeLocale.KO));
            directory.add(mobile(i, true));
        }
        PlannerService planner = planner(directory);

        planner.plan(new PlanTask("first", 0, 3, 0, Optional.empty()));
        planner.plan(new PlanTask("first", 1, 3, 0, Optional.empty()));
        PlanProgress partial = ledger.progress("first");
        planner.plan(new PlanTask("first", 2, 3, 0, Optional.empty()));

        assertThat(partial.complete()).isFalse();
        // email-only: 40 emails, and the 40 phone-only people recorded as unreachable.
        assertThat(ledger.progress("first")).isEqualTo(new PlanProgress(80, 3, 3));
    }

    @Test
    void plan_unknownCampaign_nothingPlannedNothingRecorded() {
        InMemoryContactDirectory directory = new InMemoryContactDirectory(100).add(email(1, NoticeLocale.KO));

        PlannerService.Outcome outcome = planner(directory).plan(first("missing"));

        assertThat(outcome).isEqualTo(new PlannerService.Outcome.UnknownCampaign());
        assertThat(jobs.all()).isEmpty();
        assertThat(plans.all()).isEmpty();
        assertThat(ledger.completedPages()).isZero();
    }

    @Test
    void plan_landlineOnlyPerson_isRecordedUnreachableAndCountedAsPlanned() {
        campaigns.create(Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST));
        ContactProfile landline =
                new ContactProfile(keyer.keyOf(Contact.phone("+8221234567", false)), NoticeLocale.KO, false, true);
        InMemoryContactDirectory directory =
                new InMemoryContactDirectory(100).addAll(List.of(landline, email(1, NoticeLocale.KO)));

        PlannerService.Outcome outcome = planner(directory).plan(new PlanTask("first", 0, 1, 0, Optional.empty()));

        assertThat(outcome).isEqualTo(new PlannerService.Outcome.Planned(2, true));
        assertThat(deliveries.find(new DeliveryId(landline.key(), "first", Channel.SMS)))
                .hasValueSatisfying(d -> {
                    assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
                    assertThat(d.reason()).contains("no_channel");
                });
    }

    @Test
    void plan_revisedCampaign_eachJobListsWhatTheEarlierNoticeDidNotName() {
        ContactCipher cipher = new ContactCipher(new FakeDataKeyProvider());
        campaigns.create(Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST));
        campaigns.create(Fixtures.campaign("revised", ChannelPolicy.EMAIL_FIRST).revising("first"));
        Set<ItemKind> everything = Set.of(ItemKind.NAME, ItemKind.EMAIL, ItemKind.ADDRESS, ItemKind.ADDRESS_BOOK);
        StoredContact toldSome = Fixtures.stored(
                keyer, cipher, Fixtures.email("told@example.com"), "", NoticeLocale.KO, everything, false);
        StoredContact neverTold = Fixtures.stored(
                keyer, cipher, Fixtures.email("new@example.com"), "", NoticeLocale.KO, everything, false);
        deliveries.record(List.of(new DeliveryRecord(
                new DeliveryId(toldSome.key(), "first", Channel.EMAIL),
                DeliveryStatus.SENT,
                "ref",
                Optional.of("msg"),
                Optional.empty(),
                Fixtures.T0,
                Optional.of(new NoticeProof(
                        "first",
                        "0123456789ab",
                        List.of(ItemKind.NAME, ItemKind.EMAIL),
                        NoticeLocale.KO,
                        "ab".repeat(32))))));
        InMemoryContactDirectory directory =
                new InMemoryContactDirectory(100).addAll(List.of(profile(toldSome), profile(neverTold)));

        planner(directory).plan(first("revised"));

        NoticeJob job = jobs.all().getFirst();
        assertThat(job.newItemsOf(toldSome.key())).containsExactlyInAnyOrder(ItemKind.ADDRESS, ItemKind.ADDRESS_BOOK);
        assertThat(job.newItemsOf(neverTold.key())).isEqualTo(everything);
    }

    @Test
    void plan_firstCampaign_listsNothingAsNew() {
        ContactCipher cipher = new ContactCipher(new FakeDataKeyProvider());
        campaigns.create(Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST));
        StoredContact stored = Fixtures.stored(
                keyer, cipher, Fixtures.email("a@example.com"), "", NoticeLocale.KO, Set.of(ItemKind.NAME), false);
        planner(new InMemoryContactDirectory(100).add(profile(stored))).plan(first("first"));

        assertThat(jobs.all().getFirst().newItems()).isEmpty();
    }

    private static ContactProfile profile(StoredContact stored) {
        return new ContactProfile(stored.key(), stored.locale(), false, false, Optional.of(stored));
    }
}
