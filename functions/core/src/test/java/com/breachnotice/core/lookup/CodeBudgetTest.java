package com.breachnotice.core.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CodeBudgetTest {

    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-03-02T09:59:00Z"));
    private final InMemoryRateLimits counters = new InMemoryRateLimits();

    @Test
    void take_spreadsTheHourOverShards_andNeverGivesMoreThanTheBudget() {
        CodeBudget budget = new CodeBudget(counters, clock, 100, 4);

        long given =
                IntStream.range(0, 150).filter(i -> budget.take().isEmpty()).count();

        assertThat(given).isEqualTo(100);
        assertThat(counters.counters()).isEqualTo(4);
        assertThat(budget.take()).contains(Instant.parse("2026-03-02T10:00:00Z"));
    }

    @Test
    void take_nextHour_opensAFreshBudget() {
        CodeBudget budget = new CodeBudget(counters, clock, 1, 1);
        assertThat(budget.take()).isEmpty();
        assertThat(budget.take()).isPresent();

        clock.advance(Duration.ofMinutes(1));

        assertThat(budget.take()).isEqualTo(Optional.empty());
    }

    @Test
    void constructor_moreShardsThanCodes_isRefused() {
        assertThatThrownBy(() -> new CodeBudget(counters, clock, 3, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
