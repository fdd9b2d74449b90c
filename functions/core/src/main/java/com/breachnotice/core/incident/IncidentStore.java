package com.breachnotice.core.incident;

import java.util.Optional;

/** Where the live incident description is kept: written by the operator, read by the lookup and the code sender. */
public interface IncidentStore {

    /** Replaces the live description. */
    void publish(IncidentDescription description);

    /** The live description, or empty when none was published yet. */
    Optional<IncidentDescription> current();
}
