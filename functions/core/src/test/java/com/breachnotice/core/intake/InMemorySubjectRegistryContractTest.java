package com.breachnotice.core.intake;

import com.breachnotice.core.planning.ContactDirectory;
import com.breachnotice.core.registry.ContactBook;
import com.breachnotice.core.testing.InMemorySubjectRegistry;

/** The in-memory fake held to the registry contract. */
class InMemorySubjectRegistryContractTest extends SubjectRegistryContract {

    private final InMemorySubjectRegistry registry = new InMemorySubjectRegistry();

    @Override
    protected SubjectRegistry registry() {
        return registry;
    }

    @Override
    protected ContactBook book() {
        return registry;
    }

    @Override
    protected ContactDirectory directory() {
        return registry;
    }
}
