package com.breachnotice.cli.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.aws.incident.IncidentJson;
import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.notice.LintReport;
import com.breachnotice.core.notice.NoticeLint;
import com.breachnotice.core.notice.NoticeSection;
import com.breachnotice.core.notice.NoticeTemplate;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DefaultNoticesTest {

    @ParameterizedTest
    @ValueSource(strings = {"first", "revised"})
    void builtIn_passesTheLintWithoutWarnings(String name) {
        Map<NoticeLocale, NoticeTemplate> notice = DefaultNotices.builtIn(name).orElseThrow();

        LintReport report = NoticeLint.check(notice, IncidentJson.sample());

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(notice).containsOnlyKeys(NoticeLocale.values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"first", "revised"})
    void builtIn_emailListsThePersonsItemsAndCarriesTheReference(String name) {
        DefaultNotices.render(DefaultNotices.builtIn(name).orElseThrow())
                .values()
                .forEach(text -> {
                    assertThat(text.text()).contains("{{#each items}}", "{{reference}}", "{{#if name}}", "{{name}}");
                    assertThat(text.html()).contains("{{#each items}}", "{{reference}}", "{{nameHtml}}");
                    assertThat(text.html()).doesNotContain("{{name}}");
                    for (String part :
                            new String[] {text.subject(), text.text(), text.html(), text.sms(), text.smsAddressBook()
                            }) {
                        assertThat(NoticeText.containsLink(part)).isFalse();
                        assertThat(part).doesNotContainIgnoringCase("http").doesNotContainIgnoringCase("www.");
                    }
                    assertThat(text.sms()).contains("{items}", "{reference}");
                    assertThat(text.smsAddressBook()).contains("{items}", "{reference}");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"first", "revised"})
    void builtIn_saysWhatTheLawAsksWithTheIncidentsFacts(String name) {
        Map<NoticeLocale, NoticeText> texts =
                DefaultNotices.render(DefaultNotices.builtIn(name).orElseThrow());
        NoticeText ko = texts.get(NoticeLocale.KO);
        assertThat(ko.text())
                .contains("유출", "공동현관 출입번호", "링크", "직접 입력", "1588-0000", "1577-0000", "참조번호")
                .contains("2025년 6월 24일", "example.com", "개인정보 분쟁조정위원회", "118")
                .doesNotContain("노출", "{{incident.");
        NoticeText en = texts.get(NoticeLocale.EN);
        assertThat(en.text())
                .contains("leaked", "entrance code", "no links", "type example.com", "1588-0000", "24 June 2025")
                .doesNotContain("{{incident.");
        assertThat(ko.smsAddressBook()).contains("배송지로 저장한");
        assertThat(en.smsAddressBook()).contains("saved your {items} as a delivery address");
    }

    @org.junit.jupiter.api.Test
    void revised_namesTheNoticeItRevisesAndListsWhatIsNewPerPerson() {
        Map<NoticeLocale, NoticeTemplate> revised =
                DefaultNotices.builtIn("revised").orElseThrow();
        revised.values().forEach(template -> {
            assertThat(template.revises()).hasValue(DefaultNotices.FIRST_NOTICE);
            assertThat(template.sections()).containsKey(NoticeSection.WHAT_IS_NEW);
        });
        DefaultNotices.render(revised)
                .values()
                .forEach(text -> assertThat(text.text()).contains("{{#if newItems}}", "{{#each newItems}}"));
        assertThat(DefaultNotices.builtIn("first")
                        .orElseThrow()
                        .get(NoticeLocale.KO)
                        .sections())
                .doesNotContainKey(NoticeSection.WHAT_IS_NEW);
    }
}
