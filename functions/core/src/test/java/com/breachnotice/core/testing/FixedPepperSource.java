package com.breachnotice.core.testing;

import com.breachnotice.core.contact.Pepper;
import com.breachnotice.core.contact.PepperSource;
import java.nio.charset.StandardCharsets;

/** {@link PepperSource} holding one pepper made from a phrase. */
public final class FixedPepperSource implements PepperSource {

    private final Pepper pepper;

    public FixedPepperSource(String phrase) {
        this.pepper = new Pepper(phrase.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Pepper pepper() {
        return pepper;
    }
}
