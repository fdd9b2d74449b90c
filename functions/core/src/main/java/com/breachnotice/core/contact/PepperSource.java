package com.breachnotice.core.contact;

/** Where the pepper lives (a secret store). Read once per container. */
public interface PepperSource {
    Pepper pepper();
}
