package com.breachnotice.core.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link ReferenceChecks} does: run against the fake and against the DynamoDB adapter. */
public abstract class ReferenceChecksContract {

    private static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");
    private static final Instant NEXT = Instant.parse("2026-03-03T00:00:00Z");

    protected abstract ReferenceChecks checks();

    @Test
    void record_countsDistinctRequesters_upToTheCap() {
        String reference = "ref-" + UUID.randomUUID();

        assertThat(checks().record(reference, "a", DAY, NEXT, 3)).isEqualTo(1);
        assertThat(checks().record(reference, "a", DAY, NEXT, 3)).isEqualTo(1);
        assertThat(checks().record(reference, "b", DAY, NEXT, 3)).isEqualTo(2);
        assertThat(checks().record(reference, "c", DAY, NEXT, 3)).isEqualTo(3);
        assertThat(checks().record(reference, "d", DAY, NEXT, 3)).isEqualTo(3);
        assertThat(checks().record(reference, "a", DAY, NEXT, 3)).isEqualTo(3);
    }

    @Test
    void record_eachReferenceAndDayCountsApart() {
        String reference = "ref-" + UUID.randomUUID();
        checks().record(reference, "a", DAY, NEXT, 3);

        assertThat(checks().record("other-" + reference, "b", DAY, NEXT, 3)).isEqualTo(1);
        assertThat(checks().record(reference, "b", NEXT, NEXT.plusSeconds(86_400), 3))
                .isEqualTo(1);
    }
}
