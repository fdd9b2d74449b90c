package com.breachnotice.core.testing;

import com.breachnotice.core.sending.SendGovernor;
import com.breachnotice.core.testing.contracts.SendGovernorContract;

/** The {@code SendGovernor} contract on the in-memory fake. */
class InMemorySendGovernorTest extends SendGovernorContract {

    private final InMemorySendGovernor governor = new InMemorySendGovernor();

    @Override
    protected SendGovernor governor() {
        return governor;
    }
}
