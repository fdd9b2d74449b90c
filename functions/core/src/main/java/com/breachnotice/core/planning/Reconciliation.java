package com.breachnotice.core.planning;

import java.util.Arrays;

/**
 * How the audience of a revised campaign compares with the campaign it revises: contacts in both,
 * only in the earlier campaign, only in the registry now. The revised campaign plans from the
 * registry, so a contact only in the earlier campaign would be left out: the launch refuses then.
 */
public record Reconciliation(long both, long onlyEarlier, long onlyNow) {

    /** Counts from two sets of fingerprints (each deduplicated here; the arrays are sorted in place). */
    public static Reconciliation of(long[] earlier, long[] now) {
        long[] a = distinctSorted(earlier);
        long[] b = distinctSorted(now);
        long both = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                both++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return new Reconciliation(both, a.length - both, b.length - both);
    }

    /** Whether everyone the earlier campaign had is in the new audience. */
    public boolean leavesNobodyOut() {
        return onlyEarlier == 0;
    }

    public long earlier() {
        return both + onlyEarlier;
    }

    private static long[] distinctSorted(long[] values) {
        Arrays.sort(values);
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (i == 0 || values[i] != values[i - 1]) {
                values[n++] = values[i];
            }
        }
        return Arrays.copyOf(values, n);
    }
}
