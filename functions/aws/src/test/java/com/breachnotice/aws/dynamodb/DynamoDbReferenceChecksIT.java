package com.breachnotice.aws.dynamodb;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.lookup.ReferenceChecks;
import com.breachnotice.core.lookup.ReferenceChecksContract;
import com.breachnotice.emulator.ProvisionedStack;
import org.junit.jupiter.api.BeforeAll;

class DynamoDbReferenceChecksIT extends ReferenceChecksContract {

    private static DynamoDbReferenceChecks checks;

    @BeforeAll
    static void provision() {
        ProvisionedStack stack = TestStacks.provision(DynamoDbReferenceChecksIT.class);
        checks = new DynamoDbReferenceChecks(TestStacks.clients().dynamoDb(), stack.physicalId("ChallengeTable"));
    }

    @Override
    protected ReferenceChecks checks() {
        return checks;
    }
}
