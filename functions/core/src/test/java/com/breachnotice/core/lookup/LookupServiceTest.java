package com.breachnotice.core.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.metrics.MetricNames;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LookupServiceTest {

    private static final String ADDRESS = "203.0.113.24";

    private final LookupFixture fixture = new LookupFixture();
    private final LookupService service = fixture.service;

    @Test
    void startChallenge_unknownKnownOrAffected_answersAndWorksAlike() {
        record Observed(StartResult result, int enqueued, int challenges, int registryReads, String keyKind) {}
        List<Observed> observed =
                List.of(LookupFixture.UNKNOWN_EMAIL, "kim.minji@example.com", "someone@example.net").stream()
                        .map(contact -> {
                            // A fresh world with the same random sequence for each contact, so answers compare exactly.
                            LookupFixture world = new LookupFixture(99L);
                            StartResult result = world.service.startChallenge(contact);
                            return new Observed(
                                    result,
                                    world.codes.requests().size(),
                                    world.challenges.size(),
                                    world.contacts.reads(),
                                    world.codes.last().contact().kind().name());
                        })
                        .toList();

        assertThat(observed).allSatisfy(o -> {
            assertThat(o.result()).isInstanceOf(StartResult.Started.class);
            assertThat(o.enqueued()).isEqualTo(1);
            assertThat(o.challenges()).isEqualTo(1);
            assertThat(o.registryReads()).isZero();
        });
        assertThat(observed)
                .extracting(Observed::result)
                .containsOnly(observed.get(0).result());

        LookupFixture phones = new LookupFixture(99L);
        StartResult phone = phones.service.startChallenge(LookupFixture.KNOWN_PHONE);
        assertThat(phone).isEqualTo(observed.get(0).result());
        assertThat(phones.contacts.reads()).isZero();
    }

    @Test
    void startChallenge_budgetSpent_isBusyUntilTheNextHourForEveryContactAlike() {
        LookupFixture world = new LookupFixture(7L, 2);
        world.clock.advance(Duration.ofMinutes(40));
        assertThat(world.service.startChallenge("first@example.org")).isInstanceOf(StartResult.Started.class);
        assertThat(world.service.startChallenge("second@example.org")).isInstanceOf(StartResult.Started.class);

        List<StartResult> refused =
                List.of(LookupFixture.UNKNOWN_EMAIL, LookupFixture.AFFECTED_EMAIL, LookupFixture.KNOWN_PHONE).stream()
                        .map(world.service::startChallenge)
                        .toList();

        StartResult.Busy busy = new StartResult.Busy(Instant.parse("2026-03-02T10:00:00Z"), Duration.ofMinutes(20));
        assertThat(refused).containsOnly(busy);
        assertThat(world.challenges.size()).isEqualTo(2);
        assertThat(world.codes.requests()).hasSize(2);
        assertThat(world.metrics.count(MetricNames.CODES_NOT_SENT, "busy")).isEqualTo(3);
        assertThat(world.metrics.count(MetricNames.CODES_REQUESTED, "started")).isEqualTo(2);

        world.clock.advance(Duration.ofMinutes(20));
        assertThat(world.service.startChallenge(LookupFixture.AFFECTED_EMAIL)).isInstanceOf(StartResult.Started.class);
    }

    @Test
    void startChallenge_invalidContact_spendsNoBudget() {
        LookupFixture world = new LookupFixture(7L, 1);

        assertThat(world.service.startChallenge("not a contact")).isInstanceOf(StartResult.InvalidContact.class);
        assertThat(world.service.startChallenge(LookupFixture.UNKNOWN_EMAIL)).isInstanceOf(StartResult.Started.class);
    }

    @Test
    void startChallenge_overTheContactQuota_isCountedAsNotSent() {
        for (int i = 0; i < LookupService.CHALLENGES_PER_CONTACT_PER_DAY; i++) {
            service.startChallenge(LookupFixture.KNOWN_PHONE);
        }

        assertThat(service.startChallenge(LookupFixture.KNOWN_PHONE)).isInstanceOf(StartResult.RateLimited.class);
        assertThat(fixture.metrics.count(MetricNames.CODES_NOT_SENT, "contact_limit"))
                .isEqualTo(1);
    }

    @Test
    void startChallenge_storesOnlyTheCodeHashAndEnqueuesTheCode() {
        StartResult.Started started =
                (StartResult.Started) service.startChallenge(LookupFixture.AFFECTED_EMAIL, NoticeLocale.EN);

        CodeRequest request = fixture.codes.last();
        Challenge stored = fixture.challenges.find(started.challengeId()).orElseThrow();
        assertThat(started.challengeId()).matches("[A-Za-z0-9_-]{22}");
        assertThat(started.expiresAt()).isEqualTo(LookupFixture.START.plus(Duration.ofMinutes(10)));
        assertThat(request.code()).matches("[0-9]{6}");
        assertThat(request.contact()).isEqualTo(fixture.key(LookupFixture.AFFECTED_EMAIL));
        assertThat(request.locale()).isEqualTo(NoticeLocale.EN);
        assertThat(stored.codeHash())
                .isEqualTo(fixture.keyer.codeHash(started.challengeId(), request.code()))
                .doesNotContain(request.code());
        assertThat(stored.contact()).isEqualTo(request.contact());
    }

    @Test
    void startChallenge_neitherEmailNorPhone_isInvalidAndDoesNothing() {
        for (String input : List.of("", "   ", "not a contact", "a@b", "12", "@example.com", "x".repeat(300))) {
            assertThat(service.startChallenge(input)).as(input).isInstanceOf(StartResult.InvalidContact.class);
        }
        assertThat(fixture.codes.requests()).isEmpty();
        assertThat(fixture.challenges.size()).isZero();
    }

    @Test
    void startChallenge_sixthOfTheDay_isRateLimitedUntilMidnightUtc() {
        for (int i = 0; i < LookupService.CHALLENGES_PER_CONTACT_PER_DAY; i++) {
            assertThat(service.startChallenge(LookupFixture.UNKNOWN_EMAIL)).isInstanceOf(StartResult.Started.class);
        }

        StartResult sixth = service.startChallenge(" NOBODY@example.org ");

        assertThat(sixth).isEqualTo(new StartResult.RateLimited(Duration.ofHours(15)));
        assertThat(fixture.codes.requests()).hasSize(5);
        assertThat(service.startChallenge(LookupFixture.AFFECTED_EMAIL)).isInstanceOf(StartResult.Started.class);
        fixture.clock.advance(Duration.ofHours(15));
        assertThat(service.startChallenge(LookupFixture.UNKNOWN_EMAIL)).isInstanceOf(StartResult.Started.class);
    }

    @Test
    void verify_rightCode_returnsItemsInVocabularyOrderAndNotices() {
        StartResult.Started started = start(LookupFixture.AFFECTED_EMAIL);

        VerifyResult result =
                service.verify(started.challengeId(), fixture.codes.last().code());

        assertThat(result).isInstanceOf(VerifyResult.Verified.class);
        ContactReport report = ((VerifyResult.Verified) result).report();
        assertThat(report.affected()).isTrue();
        assertThat(report.items())
                .containsExactly(ItemKind.NAME, ItemKind.EMAIL, ItemKind.ADDRESS_BOOK, ItemKind.ORDER_HISTORY);
        assertThat(report.notices())
                .containsExactly(
                        new NoticeEntry(
                                LookupFixture.FIRST_TITLE,
                                Channel.EMAIL,
                                Optional.of(Instant.parse("2026-02-20T10:15:00Z")),
                                DeliveryStatus.DELIVERED,
                                LookupFixture.FIRST_REFERENCE),
                        new NoticeEntry(
                                LookupFixture.REVISED_TITLE,
                                Channel.EMAIL,
                                Optional.of(Instant.parse("2026-02-27T11:00:00Z")),
                                DeliveryStatus.SENT,
                                report.notices().get(1).reference()));
        // The reference shown to the owner is the one that checks as genuine.
        assertThat(service.checkReference(report.notices().get(1).reference(), ADDRESS))
                .isEqualTo(new ReferenceResult.Genuine(
                        LookupFixture.REVISED_TITLE,
                        Channel.EMAIL,
                        Optional.of(Instant.parse("2026-02-27T11:00:00Z")),
                        Optional.empty()));
    }

    @Test
    void verify_codeWithSurroundingSpaces_isAccepted() {
        StartResult.Started started = start(LookupFixture.KNOWN_PHONE);

        VerifyResult result =
                service.verify(started.challengeId(), " " + fixture.codes.last().code() + "\n");

        ContactReport report = ((VerifyResult.Verified) result).report();
        assertThat(report.items()).containsExactly(ItemKind.PHONE);
        assertThat(report.notices()).isEmpty();
    }

    @Test
    void verify_wrongCode_countsDown() {
        StartResult.Started started = start(LookupFixture.AFFECTED_EMAIL);
        String wrong = otherCode(fixture.codes.last().code());

        assertThat(service.verify(started.challengeId(), wrong)).isEqualTo(new VerifyResult.WrongCode(4));
        assertThat(service.verify(started.challengeId(), "abc")).isEqualTo(new VerifyResult.WrongCode(3));
        assertThat(service.verify(started.challengeId(), wrong)).isEqualTo(new VerifyResult.WrongCode(2));
    }

    @Test
    void verify_acrossChallenges_aContactHasTenAttemptsADay() {
        for (int challenge = 0; challenge < 2; challenge++) {
            StartResult.Started started = start(LookupFixture.KNOWN_PHONE);
            String wrong = otherCode(fixture.codes.last().code());
            for (int i = 0; i < 5; i++) {
                assertThat(service.verify(started.challengeId(), wrong)).isNotInstanceOf(VerifyResult.Verified.class);
            }
        }
        StartResult.Started third = start(LookupFixture.KNOWN_PHONE);

        VerifyResult result =
                service.verify(third.challengeId(), fixture.codes.last().code());

        assertThat(result).isEqualTo(new VerifyResult.TooManyAttempts(Duration.ofHours(15)));
        StartResult.Started other = start(LookupFixture.AFFECTED_EMAIL);
        assertThat(service.verify(other.challengeId(), fixture.codes.last().code()))
                .isInstanceOf(VerifyResult.Verified.class);
    }

    @Test
    void verify_fiveWrongCodesThenTheRightOne_isTooManyAttempts() {
        StartResult.Started started = start(LookupFixture.AFFECTED_EMAIL);
        String right = fixture.codes.last().code();
        String wrong = otherCode(right);
        for (int left = 4; left > 0; left--) {
            assertThat(service.verify(started.challengeId(), wrong)).isEqualTo(new VerifyResult.WrongCode(left));
        }
        assertThat(service.verify(started.challengeId(), wrong)).isInstanceOf(VerifyResult.TooManyAttempts.class);

        VerifyResult result = service.verify(started.challengeId(), right);

        assertThat(result).isEqualTo(new VerifyResult.TooManyAttempts(Duration.ofMinutes(10)));
    }

    @Test
    void verify_afterTenMinutes_isExpired() {
        StartResult.Started started = start(LookupFixture.AFFECTED_EMAIL);
        String code = fixture.codes.last().code();
        fixture.clock.advance(Duration.ofMinutes(10));

        assertThat(service.verify(started.challengeId(), code)).isInstanceOf(VerifyResult.Expired.class);
    }

    @Test
    void verify_justBeforeExpiry_isVerified() {
        StartResult.Started started = start(LookupFixture.AFFECTED_EMAIL);
        String code = fixture.codes.last().code();
        fixture.clock.advance(Duration.ofMinutes(10).minusSeconds(1));

        assertThat(service.verify(started.challengeId(), code)).isInstanceOf(VerifyResult.Verified.class);
    }

    @Test
    void verify_secondTime_isExpired() {
        StartResult.Started started = start(LookupFixture.AFFECTED_EMAIL);
        String code = fixture.codes.last().code();
        assertThat(service.verify(started.challengeId(), code)).isInstanceOf(VerifyResult.Verified.class);

        assertThat(service.verify(started.challengeId(), code)).isInstanceOf(VerifyResult.Expired.class);
    }

    @Test
    void verify_codeOfAnotherChallenge_isWrong() {
        StartResult.Started first = start(LookupFixture.AFFECTED_EMAIL);
        start(LookupFixture.AFFECTED_EMAIL);
        String codeOfSecond = fixture.codes.last().code();

        VerifyResult result = service.verify(first.challengeId(), codeOfSecond);

        // The two codes may coincide by chance (1 in a million); the seeded random makes them differ.
        assertThat(result).isEqualTo(new VerifyResult.WrongCode(4));
    }

    @Test
    void verify_unknownOrMalformedId_isUnknownWithoutCounting() {
        assertThat(service.verify("AAAAAAAAAAAAAAAAAAAAAA", "123456")).isInstanceOf(VerifyResult.Unknown.class);
        assertThat(service.verify("../../etc/passwd", "123456")).isInstanceOf(VerifyResult.Unknown.class);
        assertThat(service.verify("", "")).isInstanceOf(VerifyResult.Unknown.class);
    }

    @Test
    void checkReference_printedCodeOfOurs_isGenuineAndForgivesTypos() {
        String typed =
                LookupFixture.FIRST_REFERENCE.toLowerCase(java.util.Locale.ROOT).replace("-", " ");

        assertThat(service.checkReference(typed, ADDRESS))
                .isEqualTo(new ReferenceResult.Genuine(
                        LookupFixture.FIRST_TITLE,
                        Channel.EMAIL,
                        Optional.of(Instant.parse("2026-02-20T10:15:00Z")),
                        Optional.of(LookupFixture.FIRST_RECIPIENT)));
    }

    @Test
    void checkReference_oneCodeCheckedFromManyAddresses_isCountedAsReused() {
        for (int i = 1; i < LookupService.REFERENCE_REUSE_THRESHOLD; i++) {
            service.checkReference(LookupFixture.FIRST_REFERENCE, "198.51.100." + i);
            service.checkReference(LookupFixture.FIRST_REFERENCE, "198.51.100." + i);
        }
        assertThat(fixture.metrics.count(MetricNames.REFERENCE_CHECKS, "reused"))
                .isZero();

        service.checkReference(LookupFixture.FIRST_REFERENCE, "192.0.2.200");
        service.checkReference(LookupFixture.FIRST_REFERENCE, "192.0.2.201");

        assertThat(fixture.metrics.count(MetricNames.REFERENCE_CHECKS, "reused"))
                .isEqualTo(2);
        assertThat(fixture.metrics.count(MetricNames.REFERENCE_CHECKS, "genuine"))
                .isEqualTo(2L * (LookupService.REFERENCE_REUSE_THRESHOLD - 1) + 2);
        assertThat(fixture.metrics.counts().toString()).doesNotContain("198.51", "192.0", "@");
    }

    @Test
    void checkReference_wellFormedButNotOurs_isNotOurs() {
        String foreign = new com.breachnotice.core.delivery.ReferenceCodes(new SeededRandom(12345)).next();

        assertThat(service.checkReference(foreign, ADDRESS)).isInstanceOf(ReferenceResult.NotOurs.class);
    }

    @Test
    void checkReference_garbage_isMalformed() {
        assertThat(service.checkReference("http://evil.example/", ADDRESS))
                .isInstanceOf(ReferenceResult.Malformed.class);
        assertThat(service.checkReference("", ADDRESS)).isInstanceOf(ReferenceResult.Malformed.class);
    }

    @Test
    void checkReference_malformedAndUnknown_costTheSameStoreCall() {
        String foreign = new com.breachnotice.core.delivery.ReferenceCodes(new SeededRandom(99)).next();

        service.checkReference(foreign, ADDRESS);
        assertThat(fixture.deliveries.referenceLookups()).isEqualTo(1);
        service.checkReference("not a code at all", ADDRESS);
        assertThat(fixture.deliveries.referenceLookups()).isEqualTo(2);
    }

    private StartResult.Started start(String contact) {
        return (StartResult.Started) service.startChallenge(contact);
    }

    private static String otherCode(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }
}
