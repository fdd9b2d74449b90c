package com.breachnotice.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Generated cases for property tests, fed to a JUnit {@code @ParameterizedTest} in batches: hand-picked
 * edge cases first, then {@code count} cases drawn from one fixed base seed, so every run checks the
 * same inputs. {@code -Dbreachnotice.seed=N} (on the Maven command line too) draws other inputs; a failure
 * names the base seed that reproduces the run, the case and its input.
 */
public final class SeededCases {

    public static final String SEED_PROPERTY = "breachnotice.seed";

    /** The seed every run uses unless {@value #SEED_PROPERTY} says otherwise. */
    public static final long DEFAULT_SEED = 20_261_203L;

    private SeededCases() {}

    public static long baseSeed() {
        String value = System.getProperty(SEED_PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT_SEED;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SEED_PROPERTY + " must be a whole number, not '" + value + "'", e);
        }
    }

    /** Cases per test invocation: one JUnit invocation per case costs more than most properties. */
    static final int BATCH = 100;

    /** {@code count} generated cases, in batches, each case drawn with its own generator. */
    public static <T> Stream<Batch<T>> of(int count, Function<SplittableRandom, T> generator) {
        return of(List.of(), count, generator);
    }

    /** The edge cases as one batch, then {@code count} generated cases in batches of {@value #BATCH}. */
    public static <T> Stream<Batch<T>> of(List<T> edgeCases, int count, Function<SplittableRandom, T> generator) {
        long base = baseSeed();
        List<Batch<T>> batches = new ArrayList<>();
        if (!edgeCases.isEmpty()) {
            List<Case<T>> edges = new ArrayList<>();
            for (int i = 0; i < edgeCases.size(); i++) {
                edges.add(new Case<>("edge case " + (i + 1), base, edgeCases.get(i)));
            }
            batches.add(new Batch<>("edge cases 1-" + edges.size(), base, edges));
        }
        SplittableRandom seeds = new SplittableRandom(base);
        for (int first = 1; first <= count; first += BATCH) {
            int last = Math.min(count, first + BATCH - 1);
            List<Case<T>> cases = new ArrayList<>(last - first + 1);
            for (int i = first; i <= last; i++) {
                // One generator per case: how much one case draws never shifts the inputs of the next.
                cases.add(new Case<>("case " + i, base, generator.apply(seeds.split())));
            }
            batches.add(new Batch<>("cases " + first + "-" + last, base, cases));
        }
        return batches.stream();
    }

    /** Cases checked by one test invocation; {@link #toString()} is its display name. */
    public record Batch<T>(String name, long baseSeed, List<Case<T>> cases) {

        /** Runs the property on every case; the first failure names its seed, case and input. */
        public void check(ThrowingConsumer<T> property) {
            for (Case<T> c : cases) {
                c.check(property);
            }
        }

        @Override
        public String toString() {
            return name + " (seed " + baseSeed + ")";
        }
    }

    /** One input and where it came from; {@link #toString()} is the test's display name. */
    public record Case<T>(String name, long baseSeed, T input) {

        /** Runs the property on the input; a failure says which seed and input reproduce it. */
        public void check(ThrowingConsumer<T> property) {
            try {
                property.accept(input);
            } catch (Throwable failure) {
                throw new AssertionError(
                        "property failed on " + name + " of base seed " + baseSeed + " (rerun with -D" + SEED_PROPERTY
                                + "=" + baseSeed + ")\ninput: " + input + "\n" + failure.getMessage(),
                        failure);
            }
        }

        @Override
        public String toString() {
            return name + " (seed " + baseSeed + ")";
        }
    }

    /** A string of {@code min..max} characters drawn from {@code alphabet}. */
    public static String string(SplittableRandom random, String alphabet, int min, int max) {
        int length = random.nextInt(min, max + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** One of the values, each as likely. */
    @SafeVarargs
    public static <T> T oneOf(SplittableRandom random, T... values) {
        return values[random.nextInt(values.length)];
    }
}
