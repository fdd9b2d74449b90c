package com.breachnotice.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void count_gsm7_160InOnePart153PerPartBeyond() {
        assertThat(SmsSegments.encoding("Reference ABCD-1234. No links.")).isEqualTo(SmsSegments.Encoding.GSM7);
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(306))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(307))).isEqualTo(3);
    }

    @Test
    void count_gsm7ExtensionCharacters_countTwice() {
        assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(1);
        assertThat(SmsSegments.count("€".repeat(81))).isEqualTo(2);
    }

    @Test
    void count_korean_ucs2_70InOnePart67PerPartBeyond() {
        assertThat(SmsSegments.encoding("개인정보 유출 안내")).isEqualTo(SmsSegments.Encoding.UCS2);
        assertThat(SmsSegments.count("가".repeat(70))).isEqualTo(1);
        assertThat(SmsSegments.count("가".repeat(71))).isEqualTo(2);
        assertThat(SmsSegments.count("가".repeat(134))).isEqualTo(2);
        assertThat(SmsSegments.count("가".repeat(135))).isEqualTo(3);
        // One Korean letter in an otherwise ASCII text turns the whole text UCS-2.
        assertThat(SmsSegments.count("a".repeat(70) + "가")).isEqualTo(2);
    }

    @Test
    void warnings_multiPartSmsText_named() {
        Campaign longSms = new Campaign(
                "long",
                "t",
                ChannelPolicy.BOTH,
                Fixtures.T0,
                Map.of(
                        com.breachnotice.core.manifest.NoticeLocale.KO,
                        new NoticeText(
                                "s",
                                "t",
                                "<p>h</p>",
                                Fixtures.koText().sms() + " 저희는 전화나 문자로 앱 설치를 요청하지 않습니다.".repeat(8)),
                        com.breachnotice.core.manifest.NoticeLocale.EN,
                        new NoticeText("s", "t", "<p>h</p>", "Notice: {items}. Ref {reference}.")));

        assertThat(longSms.warnings())
                .anySatisfy(
                        w -> assertThat(w).startsWith("the ko SMS text takes").contains("UCS2", "limit 4"));
        assertThat(Fixtures.campaign("short", ChannelPolicy.BOTH).warnings()).isEmpty();
    }

    @Test
    void noticeText_smsWithLink_refusedWhenLoaded() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new NoticeText("s", "t", "<p>h</p>", "Check example.com/verify now"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
