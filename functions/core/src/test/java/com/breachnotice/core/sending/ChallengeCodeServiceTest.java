package com.breachnotice.core.sending;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.lookup.CodeRequest;
import com.breachnotice.core.lookup.InMemoryRateLimits;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.metrics.MetricNames;
import com.breachnotice.core.metrics.RecordingMetrics;
import com.breachnotice.core.registry.StoredContact;
import com.breachnotice.core.testing.FakeDataKeyProvider;
import com.breachnotice.core.testing.Fixtures;
import com.breachnotice.core.testing.InMemorySubjectRegistry;
import com.breachnotice.core.testing.RecordingEmailSender;
import com.breachnotice.core.testing.RecordingSmsSender;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChallengeCodeServiceTest {

    private final ContactKeyer keyer = Fixtures.keyer();
    private final ContactCipher cipher = new ContactCipher(new FakeDataKeyProvider());
    private final InMemorySubjectRegistry registry = new InMemorySubjectRegistry();
    private final RecordingEmailSender email = new RecordingEmailSender();
    private final RecordingSmsSender sms = new RecordingSmsSender();
    private final InMemoryRateLimits budget = new InMemoryRateLimits();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC);
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final ChallengeCodeService service =
            new ChallengeCodeService(registry, cipher, email, sms, budget, clock, 1000, metrics);

    private CodeRequest register(Contact contact, NoticeLocale locale) {
        StoredContact stored =
                Fixtures.stored(keyer, cipher, contact, "김민지", NoticeLocale.KO, Set.of(ItemKind.NAME), false);
        registry.put(stored, "c1");
        return new CodeRequest("challenge-1", stored.key(), "482913", locale);
    }

    @Test
    void deliver_registeredEmail_plainEmailWithCodeNoLink() {
        CodeRequest request = register(Fixtures.email("Kim@Example.com"), NoticeLocale.KO);

        assertThat(service.deliver(request)).isEqualTo(new ChallengeCodeService.Outcome.Sent());
        RecordingEmailSender.PlainEmail sent = email.plainEmails().get(0);
        assertThat(sent.to()).isEqualTo("Kim@example.com");
        assertThat(sent.text()).contains("482913");
        assertThat(NoticeText.containsLink(sent.subject() + " " + sent.text())).isFalse();
        assertThat(sms.sent()).isEmpty();
    }

    @Test
    void deliver_contactStoredUnderAnEarlierKeyVersion_isFoundThroughTheRequestsEarlierKeys() {
        CodeRequest stored = register(Fixtures.email("Kim@Example.com"), NoticeLocale.KO);
        ContactKey current =
                com.breachnotice.core.contact.ContactKey.of(stored.contact().kind(), 2, "f".repeat(64));
        CodeRequest duringRotation =
                new CodeRequest("challenge-1", current, "482913", NoticeLocale.KO, List.of(stored.contact()));

        assertThat(service.deliver(duringRotation)).isEqualTo(new ChallengeCodeService.Outcome.Sent());
        assertThat(email.plainEmails().get(0).text()).contains("482913");
        assertThat(service.deliver(new CodeRequest("challenge-2", current, "111111", NoticeLocale.KO)))
                .isEqualTo(new ChallengeCodeService.Outcome.NotSent("not_registered"));
    }

    @Test
    void deliver_namesTheCompanyAndHelpLineOfThePublishedIncident() throws Exception {
        java.lang.reflect.Method factory = Class.forName("com.breachnotice.core.incident.IncidentDescriptionTest")
                .getDeclaredMethod("incident", java.util.Map.class);
        factory.setAccessible(true);
        com.breachnotice.core.incident.IncidentDescription incident =
                (com.breachnotice.core.incident.IncidentDescription)
                        factory.invoke(null, java.util.Map.of("helpLine", "1600-4321"));
        ChallengeCodeService withFacts = new ChallengeCodeService(
                registry, cipher, email, sms, budget, clock, 1000, metrics, () -> java.util.Optional.of(incident));
        CodeRequest request = register(Fixtures.email("Kim@Example.com"), NoticeLocale.KO);

        assertThat(withFacts.deliver(request)).isEqualTo(new ChallengeCodeService.Outcome.Sent());
        RecordingEmailSender.PlainEmail sent = email.plainEmails().get(0);
        assertThat(sent.subject()).isEqualTo("[ExampleMall] 개인정보 유출 조회 인증번호");
        assertThat(sent.text()).contains("1600-4321").doesNotContain("{{", "[[");
        assertThat(ChallengeCodeService.smsText(NoticeLocale.EN, "123456")).contains("{{incident.company}}");
        assertThat(ChallengeCodeService.fill(
                        ChallengeCodeService.smsText(NoticeLocale.EN, "123456"),
                        java.util.Optional.empty(),
                        NoticeLocale.EN))
                .isEqualTo("Breach check code 123456 (valid 10 min). Never share it.");
    }

    @Test
    void deliver_registeredMobile_smsInRequestedLocale() {
        CodeRequest request = register(Fixtures.phone("010-1234-5678"), NoticeLocale.EN);

        assertThat(service.deliver(request)).isEqualTo(new ChallengeCodeService.Outcome.Sent());
        assertThat(sms.sent()).singleElement().satisfies(text -> {
            assertThat(text.phoneE164()).isEqualTo("+821012345678");
            assertThat(text.text()).contains("482913").contains("Never share");
        });
    }

    @Test
    void deliver_landline_notSentNotSmsCapable() {
        CodeRequest request = register(Fixtures.phone("02-312-3456"), NoticeLocale.KO);

        assertThat(service.deliver(request)).isEqualTo(new ChallengeCodeService.Outcome.NotSent("not_sms_capable"));
        assertThat(sms.sent()).isEmpty();
    }

    @Test
    void deliver_unregisteredContact_notSentNothingSent() {
        CodeRequest request = new CodeRequest(
                "challenge-1", keyer.keyOf(Fixtures.email("nobody@example.com")), "482913", NoticeLocale.KO);

        assertThat(service.deliver(request)).isEqualTo(new ChallengeCodeService.Outcome.NotSent("not_registered"));
        assertThat(email.plainEmails()).isEmpty();
    }

    @Test
    void deliver_providerAnswers_mappedToOutcomes() {
        CodeRequest request = register(Fixtures.email("kim@example.com"), NoticeLocale.KO);
        email.script(
                "kim@example.com",
                new SendResult.Throttled("rate"),
                new SendResult.Failed("timeout"),
                new SendResult.Rejected("suppressed"));

        assertThat(service.deliver(request)).isEqualTo(new ChallengeCodeService.Outcome.RetryLater("rate"));
        assertThat(service.deliver(request)).isEqualTo(new ChallengeCodeService.Outcome.RetryLater("timeout"));
        assertThat(service.deliver(request)).isEqualTo(new ChallengeCodeService.Outcome.NotSent("suppressed"));
    }

    @Test
    void deliver_overTheHourlySmsBudget_notSentCountedAndEmailStillGoes() {
        ChallengeCodeService capped = new ChallengeCodeService(registry, cipher, email, sms, budget, clock, 2, metrics);
        CodeRequest text = register(Fixtures.phone("010-1234-5678"), NoticeLocale.KO);
        CodeRequest mail = register(Fixtures.email("kim@example.com"), NoticeLocale.KO);

        assertThat(capped.deliver(text)).isEqualTo(new ChallengeCodeService.Outcome.Sent());
        assertThat(capped.deliver(text)).isEqualTo(new ChallengeCodeService.Outcome.Sent());
        assertThat(capped.deliver(text)).isEqualTo(new ChallengeCodeService.Outcome.NotSent("sms_budget_spent"));
        assertThat(capped.deliver(mail)).isEqualTo(new ChallengeCodeService.Outcome.Sent());
        assertThat(sms.sent()).hasSize(2);
        assertThat(metrics.count(MetricNames.CODES_NOT_SENT, "sms_budget_spent"))
                .isEqualTo(1);
        assertThat(metrics.count(MetricNames.CODES_SENT, "sms")).isEqualTo(2);
        assertThat(metrics.count(MetricNames.CODES_SENT, "email")).isEqualTo(1);
    }

    @Test
    void deliver_everyCodeNotSent_isCountedByReason_neverByContact() {
        service.deliver(new CodeRequest(
                "challenge-2", keyer.keyOf(Fixtures.email("nobody@example.com")), "111111", NoticeLocale.KO));
        service.deliver(register(Fixtures.phone("02-312-3456"), NoticeLocale.KO));

        assertThat(metrics.counts())
                .extracting(RecordingMetrics.Count::value)
                .containsExactly("not_registered", "not_sms_capable");
        assertThat(metrics.counts().toString()).doesNotContain("nobody", "312", "challenge");
    }
}
