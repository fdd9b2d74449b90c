package com.breachnotice.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.emulator.ProvisionedStack;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DynamoDbRateLimitsIT {

    private static DynamoDbRateLimits limits;
    private static DynamoDbChallengeStore challenges;

    @BeforeAll
    static void provision() {
        ProvisionedStack stack = TestStacks.provision(DynamoDbRateLimitsIT.class);
        String table = stack.physicalId("ChallengeTable");
        limits = new DynamoDbRateLimits(TestStacks.clients().dynamoDb(), table);
        challenges = new DynamoDbChallengeStore(TestStacks.clients().dynamoDb(), table);
    }

    @Test
    void take_countsUpToTheLimitPerKeyAndWindow() {
        Instant window = Instant.parse("2026-03-01T09:00:00Z");
        Instant end = window.plusSeconds(3600);

        assertThat(limits.take("address:start:abc", window, end, 2)).isTrue();
        assertThat(limits.take("address:start:abc", window, end, 2)).isTrue();
        assertThat(limits.take("address:start:abc", window, end, 2)).isFalse();
        assertThat(limits.take("address:start:abc", end, end.plusSeconds(3600), 2))
                .isTrue();
        assertThat(limits.take("address:start:def", window, end, 2)).isTrue();
        assertThat(limits.take("address:start:def", window, end, 0)).isFalse();
    }

    @Test
    void counters_areNeverChallenges() {
        Instant window = Instant.parse("2026-03-01T10:00:00Z");
        limits.take("codes-sent", window, window.plusSeconds(3600), 10);

        String id = DynamoDbRateLimits.counterId("codes-sent", window);
        assertThat(challenges.find(id)).isEmpty();
        assertThat(challenges.recordAttempt(id)).isEqualTo(Integer.MAX_VALUE);
        assertThat(challenges.markUsed(id)).isFalse();
    }
}
