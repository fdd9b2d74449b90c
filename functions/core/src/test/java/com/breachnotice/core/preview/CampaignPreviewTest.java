package com.breachnotice.core.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.campaign.SendRates;
import com.breachnotice.core.campaign.SendWindows;
import com.breachnotice.core.campaign.SmsSegments;
import com.breachnotice.core.contact.ContactKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.planning.ContactDirectory;
import com.breachnotice.core.planning.ContactPage;
import com.breachnotice.core.planning.ContactProfile;
import com.breachnotice.core.testing.Fixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CampaignPreviewTest {

    private static final Instant START = Instant.parse("2026-12-03T00:00:00Z"); // 09:00 KST
    private static final PriceTable PRICES = new PriceTable(
            LocalDate.of(2026, 12, 1),
            "USD",
            "test",
            new BigDecimal("0.10"),
            Map.of("KR", new BigDecimal("0.03"), "US", new BigDecimal("0.01")));

    // 1,000 Korean emails, 200 English emails, 300 Korean phones whose owner has email, 100 without.
    private static final Audience AUDIENCE = new Audience(Map.of(
            ContactClass.email(NoticeLocale.KO, true), 1000L,
            ContactClass.email(NoticeLocale.EN, true), 200L,
            ContactClass.phone(NoticeLocale.KO, true, false, true, "KR"), 300L,
            ContactClass.phone(NoticeLocale.KO, true, true, true, "KR"), 100L,
            ContactClass.phone(NoticeLocale.EN, true, true, false, "US"), 10L,
            ContactClass.phone(NoticeLocale.KO, false, true, true, "KR"), 5L));

    @Test
    void route_emailFirst_likeThePlanner() {
        Audience.Routed routed = AUDIENCE.route(ChannelPolicy.EMAIL_FIRST);

        assertThat(routed.on(Channel.EMAIL)).isEqualTo(1200);
        assertThat(routed.on(Channel.EMAIL, NoticeLocale.KO)).isEqualTo(1000);
        assertThat(routed.on(Channel.SMS)).isEqualTo(110);
        assertThat(routed.smsByCountry()).containsExactly(Map.entry("KR", 100L), Map.entry("US", 10L));
        // A landline of a person without email: no channel, recorded unreachable.
        assertThat(routed.unreachable()).isEqualTo(5);
        assertThat(routed.deliveries()).isEqualTo(1315);
    }

    @Test
    void route_both_everyCapablePhone() {
        Audience.Routed routed = AUDIENCE.route(ChannelPolicy.BOTH);

        assertThat(routed.on(Channel.SMS)).isEqualTo(410);
        assertThat(AUDIENCE.route(ChannelPolicy.EMAIL_ONLY).on(Channel.SMS)).isZero();
    }

    @Test
    void of_countsCostDurationSamples() {
        Campaign campaign =
                Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST).withRates(new SendRates(14, 10));

        CampaignPreview preview =
                CampaignPreview.of(campaign, AUDIENCE, PRICES, CampaignPreview.Account.UNKNOWN, START);

        // Korean SMS is UCS-2; its parts times its recipients are what is billed.
        var koParts = preview.smsParts().stream()
                .filter(p -> p.locale() == NoticeLocale.KO && p.customer())
                .findFirst()
                .orElseThrow();
        assertThat(koParts.encoding()).isEqualTo(SmsSegments.Encoding.UCS2);
        assertThat(preview.smsPartsByCountry()).containsEntry("KR", 100L * koParts.parts());
        // 1,200 emails at $0.10 per 1,000.
        assertThat(preview.cost().email()).isEqualByComparingTo("0.12");
        assertThat(preview.cost().smsByCountry().get("KR"))
                .isEqualByComparingTo(new BigDecimal("0.03").multiply(BigDecimal.valueOf(100L * koParts.parts())));
        // 1,200 at 14/s = 86 s.
        assertThat(preview.email().sending()).isEqualTo(Duration.ofSeconds(86));
        assertThat(preview.emailAtAccountRate()).isEmpty();
        assertThat(preview.samples()).hasSize(4);
        assertThat(preview.samples().get(0).email()).contains("김하늘").doesNotContain("{{");
        assertThat(preview.samples().get(1).sms()).doesNotContain("{items}").doesNotContain("{reference}");
        assertThat(preview.warnings()).anyMatch(w -> w.contains("unreachable"));
    }

    @Test
    void of_longCampaignAndSandbox_warned() {
        Audience big = new Audience(Map.of(ContactClass.email(NoticeLocale.KO, true), 33_700_000L));
        Campaign campaign = Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST);

        CampaignPreview preview = CampaignPreview.of(
                campaign,
                big,
                PRICES,
                new CampaignPreview.Account(Optional.of(1L), Optional.of(false), Optional.empty()),
                START);

        // 33.7 M at 14/s = 2,407,143 s, about 27.9 days.
        assertThat(preview.email().sending()).isEqualTo(Duration.ofSeconds(2_407_143));
        assertThat(preview.emailAtAccountRate().orElseThrow().perSecond()).isEqualTo(1);
        assertThat(preview.cost().email()).isEqualByComparingTo("3370.00");
        assertThat(preview.warnings())
                .anyMatch(w -> w.contains("beyond 72 h"))
                .anyMatch(w -> w.contains("sandbox"))
                .anyMatch(w -> w.contains("above the account's SES send rate"));
    }

    @Test
    void of_smsWindow_stretchesDuration() {
        Audience phones = new Audience(Map.of(ContactClass.phone(NoticeLocale.EN, true, true, true, "US"), 100_000L));
        Campaign campaign = Fixtures.campaign("first", ChannelPolicy.EMAIL_FIRST)
                .withRates(new SendRates(14, 1))
                .withWindows(SendWindows.DEFAULT);

        CampaignPreview preview = CampaignPreview.of(campaign, phones, PRICES, CampaignPreview.Account.UNKNOWN, START);

        long parts = preview.sms().units();
        assertThat(preview.sms().sending()).isEqualTo(Duration.ofSeconds(parts));
        // At 13 open hours a day the elapsed time is far longer than the sending time.
        assertThat(preview.sms().elapsed())
                .isGreaterThan(preview.sms().sending().plusHours(11));
        assertThat(preview.elapsed()).isEqualTo(preview.sms().elapsed());
    }

    @Test
    void cost_unpricedCountry_namedNotCounted() {
        CostModel.Cost cost = CostModel.cost(PRICES, 0, Map.of("JP", 10L, "KR", 100L));

        assertThat(cost.unpriced()).containsExactly("JP");
        assertThat(cost.total()).isEqualByComparingTo("3.00");
    }

    @Test
    void duration_nothingToSend_zero() {
        var none = DurationModel.of(Channel.SMS, 0, 10, Optional.empty(), START);
        assertThat(none.elapsed()).isZero();
        assertThat(Durations.words(Duration.ofSeconds(2_407_143))).isEqualTo("27 d 20 h");
        assertThat(Durations.words(Duration.ofSeconds(3_370))).isEqualTo("56 min 10 s");
    }

    @Test
    void scanningCounter_readsEverySegment() {
        List<ContactProfile> all = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            all.add(new ContactProfile(
                    Fixtures.keyer()
                            .keyOf(
                                    i % 2 == 0
                                            ? Fixtures.email("p" + i + "@example.net")
                                            : Fixtures.phone("010-5555-" + String.format("%04d", i))),
                    NoticeLocale.KO,
                    i % 2 == 1,
                    false));
        }
        ContactDirectory directory = (segment, total, start, size) -> {
            List<ContactProfile> mine = new ArrayList<>();
            for (int i = segment; i < all.size(); i += total) {
                mine.add(all.get(i));
            }
            int from = start.map(Integer::parseInt).orElse(0);
            int to = Math.min(mine.size(), from + size);
            return new ContactPage(
                    mine.subList(from, to), to < mine.size() ? Optional.of(Integer.toString(to)) : Optional.empty());
        };

        Audience audience = new ScanningAudienceCounter(directory, 3, "KR").count();

        assertThat(audience.contacts()).isEqualTo(2500);
        assertThat(audience.counts().keySet())
                .allMatch(c -> c.kind() == ContactKind.EMAIL || c.country().equals("KR"));
    }
}
