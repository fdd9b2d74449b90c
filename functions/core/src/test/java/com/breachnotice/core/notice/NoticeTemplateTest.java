package com.breachnotice.core.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.incident.IncidentDescription;
import com.breachnotice.core.manifest.NoticeLocale;
import java.lang.reflect.Method;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoticeTemplateTest {

    static IncidentDescription incident() throws ReflectiveOperationException {
        Class<?> test = Class.forName("com.breachnotice.core.incident.IncidentDescriptionTest");
        Method factory = test.getDeclaredMethod("incident", Map.class);
        factory.setAccessible(true);
        return (IncidentDescription) factory.invoke(null, Map.of());
    }

    static NoticeTemplate template(NoticeLocale locale, Optional<String> revises) {
        Map<NoticeSection, NoticeTemplate.Section> sections = new EnumMap<>(NoticeSection.class);
        for (NoticeSection section : NoticeSection.values()) {
            if (section != NoticeSection.WHAT_IS_NEW || revises.isPresent()) {
                sections.put(section, new NoticeTemplate.Section(section.code(), "body of " + section.code(), ""));
            }
        }
        sections.put(
                NoticeSection.WHAT_YOU_SHOULD_DO,
                new NoticeTemplate.Section("Do this", "Please:\n{{incident.precautions}}", ""));
        sections.put(
                NoticeSection.CHECK_GENUINE,
                new NoticeTemplate.Section("Check", "Type {{incident.site}} and enter {{reference}} <here>.", ""));
        return new NoticeTemplate(
                "n",
                1,
                locale,
                revises,
                "{{incident.company}} notice",
                "Hello",
                "Dear {{name}}",
                "",
                sections,
                "{{incident.company}}",
                "{items} leaked. {{incident.site}} {reference} {{incident.helpLine}}",
                "{items} saved by a customer. {reference}");
    }

    @Test
    void render_sectionsInOrderWithThePersonsItemsAndTheFactsFilled() throws Exception {
        NoticeText text = template(NoticeLocale.EN, Optional.of("first")).render(incident());

        assertThat(text.subject()).isEqualTo("ExampleMall notice");
        assertThat(text.text())
                .containsSubsequence(
                        "{{#if name}}Dear {{name}}{{else}}Hello{{/if}}",
                        "1. what_is_new",
                        "{{#if newItems}}",
                        "{{#each newItems}}",
                        "2. what_happened",
                        "3. your_items",
                        "{{#each items}}\n- {{this}}\n{{/each}}",
                        "5. Do this",
                        "- sender 1577-0000",
                        "Type example.com and enter {{reference}}",
                        "7. help_and_relief")
                .doesNotContain("{{incident.");
        assertThat(text.html())
                .contains("<h2>3. your_items</h2>", "<li>sender 1577-0000</li>", "&lt;here&gt;", "{{nameHtml}}")
                .doesNotContain("{{name}}");
        assertThat(text.sms()).isEqualTo("{items} leaked. example.com {reference} 1588-0000");
        assertThat(text.smsAddressBook()).startsWith("{items} saved by a customer");
        assertThat(text.itemLabels()).containsEntry("name", "label of name");
    }

    @Test
    void lint_aWellFormedNoticePasses() throws Exception {
        LintReport report = NoticeLint.check(
                Map.of(
                        NoticeLocale.KO, template(NoticeLocale.KO, Optional.empty()),
                        NoticeLocale.EN, template(NoticeLocale.EN, Optional.empty())),
                incident());

        assertThat(report.errors()).isEmpty();
    }

    @Test
    void lint_aRevisedNoticeWithoutWhatIsNew_refused() throws Exception {
        NoticeTemplate ko = template(NoticeLocale.KO, Optional.of("first"));
        Map<NoticeSection, NoticeTemplate.Section> sections = new EnumMap<>(ko.sections());
        sections.remove(NoticeSection.WHAT_IS_NEW);
        NoticeTemplate without = new NoticeTemplate(
                ko.name(),
                ko.version(),
                ko.locale(),
                ko.revises(),
                ko.subject(),
                ko.greeting(),
                ko.greetingNamed(),
                ko.intro(),
                sections,
                ko.closing(),
                ko.sms(),
                ko.smsAddressBook());

        LintReport report = NoticeLint.check(
                Map.of(NoticeLocale.KO, without, NoticeLocale.EN, template(NoticeLocale.EN, Optional.of("first"))),
                incident());

        assertThat(report.errors()).extracting(LintFinding::rule).containsExactly("missing_section");
        assertThat(report.errors().get(0).where()).isEqualTo("ko what_is_new");
    }
}
