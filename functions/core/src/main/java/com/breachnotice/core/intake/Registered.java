package com.breachnotice.core.intake;

import com.breachnotice.core.manifest.Rejection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the registry decided about a chunk beyond what the reader of one range could see: customers
 * whose row merged into a subject defined by another line of the manifest ({@code mergedLines}: the
 * customer id and both lines), rows of the chunk refused because a lower line of the manifest gave
 * the customer other contacts ({@code conflicting}), and rows of other ranges that a lower line of
 * this chunk displaced ({@code displaced}, refused for the same reason).
 *
 * <p>These are facts about lines, not counts: a range loaded twice reports them again, and the
 * manifest's counts are computed once from their union (see {@link RangeOutcome#total}), so a
 * redelivered range cannot count a merge or a refusal twice. {@code unconfirmed} is what the
 * registry wants handed back with the next chunk of the range (see {@link Unconfirmed}).
 */
public record Registered(
        Map<String, Set<Long>> mergedLines,
        List<Rejection> conflicting,
        List<Rejection> displaced,
        Unconfirmed unconfirmed) {

    public static final Registered NOTHING = new Registered(Map.of(), List.of(), List.of());

    public Registered {
        mergedLines = Map.copyOf(mergedLines);
        conflicting = List.copyOf(conflicting);
        displaced = List.copyOf(displaced);
    }

    /** What a registry decided, with nothing left to confirm. */
    public Registered(Map<String, Set<Long>> mergedLines, List<Rejection> conflicting, List<Rejection> displaced) {
        this(mergedLines, conflicting, displaced, Unconfirmed.NONE);
    }
}
