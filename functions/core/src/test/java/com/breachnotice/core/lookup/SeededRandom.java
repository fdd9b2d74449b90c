package com.breachnotice.core.lookup;

import java.security.SecureRandom;
import java.util.Random;

/** A "secure" random that repeats itself for a given seed, so two runs can be compared exactly. */
public final class SeededRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;

    private final Random sequence;

    public SeededRandom(long seed) {
        this.sequence = new Random(seed);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        sequence.nextBytes(bytes);
    }
}
