package com.breachnotice.core.lookup;

class InMemoryReferenceChecksTest extends ReferenceChecksContract {

    private final InMemoryReferenceChecks checks = new InMemoryReferenceChecks();

    @Override
    protected ReferenceChecks checks() {
        return checks;
    }
}
