package com.breachnotice.core.intake;

import com.breachnotice.core.manifest.Rejection;
import java.util.List;

/**
 * What the registry decided about a chunk beyond what the reader of one range could see: rows that
 * merged into a customer defined by a row of another range ({@code mergedAcrossRanges}), rows of the
 * chunk refused because a lower line of the manifest gave the customer other contacts
 * ({@code conflicting}), and rows of other ranges that a lower line of this chunk displaced
 * ({@code displaced}, refused for the same reason). Every one of them was counted as accepted by its
 * reader, which is why intake adjusts its counts with them.
 */
public record Registered(long mergedAcrossRanges, List<Rejection> conflicting, List<Rejection> displaced) {

    public static final Registered NOTHING = new Registered(0, List.of(), List.of());

    public Registered {
        conflicting = List.copyOf(conflicting);
        displaced = List.copyOf(displaced);
    }
}
