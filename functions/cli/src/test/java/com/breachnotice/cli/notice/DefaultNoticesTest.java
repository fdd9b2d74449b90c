package com.breachnotice.cli.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.manifest.NoticeLocale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultNoticesTest {

    private final Map<NoticeLocale, NoticeText> texts = DefaultNotices.firstNotice();

    @Test
    void firstNotice_hasEveryLanguage() {
        assertThat(texts).containsOnlyKeys(NoticeLocale.values());
    }

    @Test
    void firstNotice_emailListsTheItemsAndCarriesTheReference() {
        texts.values().forEach(text -> {
            assertThat(text.text()).contains("{{#each items}}", "{{reference}}", "{{#if name}}", "{{name}}");
            assertThat(text.html()).contains("{{#each items}}", "{{reference}}", "{{nameHtml}}");
            assertThat(text.html()).doesNotContain("{{name}}");
        });
    }

    @Test
    void firstNotice_smsIsShortAndCarriesItemsAndReference() {
        texts.values().forEach(text -> {
            assertThat(text.sms()).contains("{items}", "{reference}");
            assertThat(text.sms().length()).isLessThan(330);
        });
    }

    @Test
    void firstNotice_noLinksAnywhere() {
        texts.values().forEach(text -> {
            for (String part : new String[] {text.subject(), text.text(), text.html(), text.sms()}) {
                assertThat(NoticeText.containsLink(part)).isFalse();
                assertThat(part).doesNotContainIgnoringCase("http").doesNotContainIgnoringCase("www.");
            }
        });
    }

    @Test
    void firstNotice_saysWhatTheLawAsks() {
        NoticeText ko = texts.get(NoticeLocale.KO);
        assertThat(ko.text()).contains("유출", "공동현관 출입번호", "링크", "직접 입력", "080-000-0000", "참조번호");
        NoticeText en = texts.get(NoticeLocale.EN);
        assertThat(en.text())
                .contains("leaked", "entrance code", "never contain links", "typing our address", "080-000-0000");
    }
}
