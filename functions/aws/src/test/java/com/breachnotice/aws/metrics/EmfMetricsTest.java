package com.breachnotice.aws.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmfMetricsTest {

    private final List<String> lines = new ArrayList<>();
    private final EmfMetrics metrics =
            new EmfMetrics("lookup", lines::add, Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void count_writesOneEmbeddedMetricFormatDocument() throws Exception {
        metrics.count("CodesNotSent", "reason", "budget_spent");

        assertThat(lines).hasSize(1);
        JsonNode document = new ObjectMapper().readTree(lines.get(0));
        JsonNode directive = document.path("_aws").path("CloudWatchMetrics").path(0);
        assertThat(document.path("_aws").path("Timestamp").asLong()).isEqualTo(1772442000000L);
        assertThat(directive.path("Namespace").asText()).isEqualTo("BreachNotice");
        assertThat(directive.path("Dimensions").path(0).toString()).isEqualTo("[\"service\",\"reason\"]");
        assertThat(directive.path("Metrics").path(0).path("Name").asText()).isEqualTo("CodesNotSent");
        assertThat(directive.path("Metrics").path(0).path("Unit").asText()).isEqualTo("Count");
        assertThat(document.path("service").asText()).isEqualTo("lookup");
        assertThat(document.path("reason").asText()).isEqualTo("budget_spent");
        assertThat(document.path("CodesNotSent").asInt()).isEqualTo(1);
    }

    @Test
    void count_valueThatIsNotACode_isPublishedAsOther() {
        for (String personal : List.of("kim.minji@example.com", "01012345678", "+821012345678", "Kim Minji", "")) {
            metrics.count("CodesNotSent", "reason", personal);
        }

        assertThat(lines)
                .hasSize(5)
                .allSatisfy(line ->
                        assertThat(line).contains("\"reason\":\"other\"").doesNotContain("example.com", "1234", "Kim"));
    }

    @Test
    void countAmount_oneDocumentForTheSum_noneForNothing() throws Exception {
        metrics.count("NoticesSent", "channel", "email", 48);
        metrics.count("NoticesFailed", "channel", "email", 0);

        assertThat(lines).hasSize(1);
        JsonNode document = new ObjectMapper().readTree(lines.get(0));
        assertThat(document.path("channel").asText()).isEqualTo("email");
        assertThat(document.path("NoticesSent").asLong()).isEqualTo(48);
    }
}
