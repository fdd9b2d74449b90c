package com.breachnotice.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.breachnotice.core.testing.SeededCases.Batch;
import com.breachnotice.core.testing.SeededCases.Case;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeededCasesTest {

    @Test
    void of_edgeCasesThenEveryGeneratedCase_inBatches() {
        List<Batch<Integer>> batches = SeededCases.of(List.of(-1, -2), 250, random -> random.nextInt(1000))
                .toList();

        assertThat(batches)
                .extracting(Batch::name)
                .containsExactly("edge cases 1-2", "cases 1-100", "cases 101-200", "cases 201-250");
        assertThat(batches.stream().mapToInt(b -> b.cases().size()).sum()).isEqualTo(252);
    }

    @Test
    void of_sameSeed_sameInputs() {
        List<Integer> first = inputs();
        List<Integer> second = inputs();

        assertThat(first).hasSize(300).isEqualTo(second);
        assertThat(first.stream().distinct().count()).isGreaterThan(250);
    }

    @Test
    void check_failure_namesSeedCaseAndInput() {
        Batch<Integer> batch =
                SeededCases.of(List.of(7, 42), 0, random -> 0).findFirst().orElseThrow();

        assertThatThrownBy(() -> batch.check(n -> assertThat(n).isLessThan(10)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("edge case 2 of base seed " + SeededCases.baseSeed())
                .hasMessageContaining("-Dbreachnotice.seed=" + SeededCases.baseSeed())
                .hasMessageContaining("input: 42");
    }

    private static List<Integer> inputs() {
        return SeededCases.of(300, random -> random.nextInt(1_000_000))
                .flatMap(b -> b.cases().stream())
                .map(Case::input)
                .toList();
    }
}
