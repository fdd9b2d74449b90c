package com.breachnotice.aws.dynamodb;

import com.breachnotice.core.sending.SendGovernor;
import com.breachnotice.core.testing.contracts.SendGovernorContract;

/** The {@code SendGovernor} contract on {@link DynamoDbSendGovernor}, against the emulator. */
class DynamoDbSendGovernorIT extends SendGovernorContract {

    private final DynamoDbSendGovernor governor = ContractStack.governor();

    @Override
    protected SendGovernor governor() {
        return governor;
    }
}
