package com.breachnotice.cli.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.aws.incident.IncidentJson;
import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.incident.IncidentDescription;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.notice.NoticeTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every surface takes its facts from the incident description: change every fact, and the public
 * view ({@code GET /v1/incident}, what the page renders) and every part of every shipped notice show
 * the new values and none of the old ones. (The lookup's own tests show the handler serving the
 * changed view and the page's static files carrying no fact.)
 */
class IncidentSingleSourceTest {

    private static final Map<String, String> CHANGED = Map.ofEntries(
            Map.entry("accessFrom", "2024-02-03"),
            Map.entry("accessTo", "2024-04-05"),
            Map.entry("discovered", "2024-06-07"),
            Map.entry("contained", "2024-06-09"),
            Map.entry("reported", "2024-06-10"),
            Map.entry("notified", "2024-06-12"),
            Map.entry("revisedNotice", "2024-07-14"),
            Map.entry("helpLine", "1600-4321"),
            Map.entry("smsSender", "1670-8765"),
            Map.entry("site", "changed-shop.example"),
            Map.entry("privacyEmail", "officer@changed-shop.example"),
            Map.entry("privacyPhone", "031-555-0199"),
            Map.entry("mediationPhone", "1899-7777"),
            Map.entry("kisaPhone", "119"));

    @Test
    void changingEveryFact_changesThePublicViewAndEveryShippedNotice() {
        IncidentDescription sample = IncidentJson.sample();
        assertThat(sample.facts().keySet()).containsExactlyInAnyOrderElementsOf(CHANGED.keySet());
        // A correction is published with its own time (the old one happens to be a date of the timeline).
        IncidentDescription changed = new IncidentDescription(
                sample.id(), java.time.Instant.parse("2024-08-01T00:00:00Z"), CHANGED, sample.texts());

        Map<String, String> surfaces = new LinkedHashMap<>();
        surfaces.put("GET /v1/incident", IncidentJson.publicJson(changed));
        for (String notice : List.of("first", "revised")) {
            for (Map.Entry<NoticeLocale, NoticeTemplate> template :
                    DefaultNotices.builtIn(notice).orElseThrow().entrySet()) {
                NoticeText text = template.getValue().render(changed);
                String at = notice + " " + template.getKey().code() + " ";
                surfaces.put(at + "email text", text.subject() + "\n" + text.text());
                surfaces.put(at + "email html", text.html());
                surfaces.put(at + "sms", text.sms());
                surfaces.put(at + "sms address book", text.smsAddressBook());
            }
        }

        List<String> oldValues = new ArrayList<>();
        for (Map.Entry<String, String> fact : sample.facts().entrySet()) {
            if (fact.getKey().equals("site")) {
                continue; // the old site is a suffix of nothing new, but the old email holds it: checked below
            }
            oldValues.add(fact.getValue());
            for (NoticeLocale locale : NoticeLocale.values()) {
                oldValues.add(sample.fact(fact.getKey(), locale).orElseThrow());
            }
        }
        surfaces.forEach((surface, text) -> {
            assertThat(text).as(surface).doesNotContain(oldValues).doesNotContain(" example.com", "{{incident.");
            assertThat(text).as(surface).contains("1600-4321", "changed-shop.example");
        });
        surfaces.entrySet().stream()
                .filter(surface -> !surface.getKey().contains("sms"))
                .forEach(surface -> assertThat(surface.getValue())
                        .as(surface.getKey())
                        .containsAnyOf("2024년 2월 3일", "3 February 2024", "2024-02-03")
                        .contains("1670-8765", "119", "1899-7777"));
    }
}
