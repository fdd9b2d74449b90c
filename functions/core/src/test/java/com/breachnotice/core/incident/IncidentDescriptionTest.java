package com.breachnotice.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IncidentDescriptionTest {

    static IncidentDescription incident(Map<String, String> changed) {
        Map<String, String> facts = new HashMap<>(Map.of(
                "accessFrom", "2025-06-24",
                "accessTo", "2025-11-08",
                "discovered", "2025-11-18",
                "contained", "2025-11-18",
                "helpLine", "1588-0000",
                "smsSender", "1577-0000",
                "site", "example.com",
                "privacyEmail", "privacy@example.com",
                "mediationPhone", "1833-6972",
                "kisaPhone", "118"));
        facts.putAll(changed);
        Map<String, String> labels = new HashMap<>();
        for (ItemKind item : ItemKind.values()) {
            labels.put(item.code(), "label of " + item.code());
        }
        IncidentText text = new IncidentText(
                "ExampleMall",
                "t",
                "s",
                "From {{incident.accessFrom}} to {{incident.accessTo}}",
                "n",
                "daily",
                "officer",
                "mediation",
                "kisa",
                labels,
                List.of(new IncidentText.TimelineStep("{{incident.discovered}}", "found")),
                List.of("closed"),
                List.of("no apps", "sender {{incident.smsSender}}", "no links: type {{incident.site}}", "codes"),
                List.of("call {{incident.kisaPhone}}"),
                List.of(new IncidentText.ContactLine("help", "{{incident.helpLine}}")));
        return new IncidentDescription(
                "t",
                Instant.parse("2026-02-27T09:00:00Z"),
                facts,
                Map.of(NoticeLocale.KO, text, NoticeLocale.EN, text));
    }

    @Test
    void resolve_fillsFactsAndFormatsDatesPerLanguage() {
        IncidentDescription incident = incident(Map.of());

        assertThat(incident.resolve("{{incident.accessFrom}}, {{ incident.helpLine }}", NoticeLocale.KO))
                .isEqualTo("2025년 6월 24일, 1588-0000");
        assertThat(incident.resolve("{{incident.accessFrom}} / {{incident.company}}", NoticeLocale.EN))
                .isEqualTo("24 June 2025 / ExampleMall");
        assertThat(incident.list("precautions", NoticeLocale.EN)).contains("sender 1577-0000");
    }

    @Test
    void resolve_unknownFact_refusedByName() {
        assertThatThrownBy(() -> incident(Map.of()).resolve("{{incident.hotline}}", NoticeLocale.KO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hotline");
    }

    @Test
    void constructor_refusesMissingFactsBadDatesAndASiteWithASchemeOrPath() {
        Map<String, String> noHelpLine = new HashMap<>(incident(Map.of()).facts());
        noHelpLine.remove("helpLine");
        IncidentDescription valid = incident(Map.of());
        assertThatThrownBy(() -> new IncidentDescription("t", valid.updatedAt(), noHelpLine, valid.texts()))
                .hasMessageContaining("helpLine");
        assertThatThrownBy(() -> incident(Map.of("discovered", "18 Nov"))).hasMessageContaining("discovered");
        assertThatThrownBy(() -> incident(Map.of("site", "https://example.com")))
                .hasMessageContaining("site");
        assertThatThrownBy(() -> incident(Map.of("site", "example.com/check"))).hasMessageContaining("site");
    }

    @Test
    void publicView_changesWithEveryFact() {
        Map<String, Object> before = incident(Map.of()).publicView();
        Map<String, Object> after = incident(Map.of("helpLine", "1600-1234", "accessFrom", "2025-05-01"))
                .publicView();

        assertThat(after.toString()).contains("1600-1234", "2025년 5월 1일", "1 May 2025");
        assertThat(after.toString()).doesNotContain("1588-0000", "6월 24일");
        assertThat(before.toString()).contains("1588-0000");
    }

    @Test
    void labels_inTheVocabularysOrder() {
        assertThat(incident(Map.of()).labels(EnumSet.of(ItemKind.PHONE, ItemKind.NAME), NoticeLocale.KO))
                .containsExactly("label of name", "label of phone");
    }

    @Test
    void cachedIncident_readsAgainAfterItsPeriodAndKeepsTheLastOnAFailedRead() {
        AtomicInteger reads = new AtomicInteger();
        IncidentDescription first = incident(Map.of());
        IncidentStore store = new IncidentStore() {
            @Override
            public void publish(IncidentDescription description) {}

            @Override
            public Optional<IncidentDescription> current() {
                if (reads.incrementAndGet() > 2) {
                    throw new IllegalStateException("store down");
                }
                return Optional.of(first);
            }
        };
        MutableClock clock = new MutableClock();
        CachedIncident cached = new CachedIncident(store, clock, Duration.ofSeconds(60));

        assertThat(cached.current()).hasValue(first);
        clock.advance(Duration.ofSeconds(59));
        assertThat(cached.current()).hasValue(first);
        assertThat(reads).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(cached.current()).hasValue(first);
        assertThat(reads).hasValue(2);
        clock.advance(Duration.ofSeconds(60));
        assertThat(cached.current()).hasValue(first);
        assertThat(reads).hasValue(3);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
