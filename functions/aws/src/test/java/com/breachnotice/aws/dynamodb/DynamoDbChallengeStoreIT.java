package com.breachnotice.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKind;
import com.breachnotice.core.lookup.Challenge;
import com.breachnotice.emulator.ProvisionedStack;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

class DynamoDbChallengeStoreIT {

    private static DynamoDbChallengeStore challenges;

    @BeforeAll
    static void provision() {
        ProvisionedStack stack = TestStacks.provision(DynamoDbChallengeStoreIT.class);
        challenges = new DynamoDbChallengeStore(TestStacks.clients().dynamoDb(), stack.physicalId("ChallengeTable"));
    }

    private static Challenge challenge(String id) {
        return new Challenge(
                id, TestStacks.emailKey(id), "hash-" + id, Instant.parse("2025-03-01T09:05:00Z"), 0, false);
    }

    @Test
    void create_thenFind_roundTrips_andIdsAreNeverReused() {
        challenges.create(challenge("ch-1"));

        assertThat(challenges.find("ch-1")).contains(challenge("ch-1"));
        assertThat(challenges.find("ch-unknown")).isEmpty();
        assertThatThrownBy(() -> challenges.create(challenge("ch-1")))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void create_duringAKeyRotation_keepsTheEarlierKeysInOrderThroughAttemptsAndUse() {
        Challenge rotating = new Challenge(
                "ch-rot",
                ContactKey.of(ContactKind.EMAIL, 3, TestStacks.emailKey("r").hash()),
                "hash-rot",
                Instant.parse("2025-03-01T09:05:00Z"),
                0,
                false,
                List.of(
                        ContactKey.of(
                                ContactKind.EMAIL, 2, TestStacks.emailKey("q").hash()),
                        TestStacks.emailKey("p")));

        challenges.create(rotating);
        challenges.recordAttempt("ch-rot");
        challenges.markUsed("ch-rot");

        Challenge found = challenges.find("ch-rot").orElseThrow();
        assertThat(found.contactKeys()).isEqualTo(rotating.contactKeys());
        assertThat(found.contact().version()).isEqualTo(3);
        assertThat(found.attempts()).isEqualTo(1);
        assertThat(found.used()).isTrue();
    }

    @Test
    void recordAttempt_countsAtomically_andUnknownIdsFailClosed() {
        challenges.create(challenge("ch-2"));

        assertThat(challenges.recordAttempt("ch-2")).isEqualTo(1);
        assertThat(challenges.recordAttempt("ch-2")).isEqualTo(2);
        assertThat(challenges.find("ch-2").orElseThrow().attempts()).isEqualTo(2);
        assertThat(challenges.recordAttempt("ch-missing")).isEqualTo(Integer.MAX_VALUE);
        assertThat(challenges.find("ch-missing")).isEmpty();
    }

    @Test
    void reserveStart_countsUpToTheLimitPerContactAndWindow() {
        var contact = TestStacks.emailKey("quota@example.com");
        Instant window = Instant.parse("2025-03-01T09:00:00Z");
        Instant end = window.plusSeconds(3600);

        assertThat(challenges.reserveStart(contact, window, end, 2)).isTrue();
        assertThat(challenges.reserveStart(contact, window, end, 2)).isTrue();
        assertThat(challenges.reserveStart(contact, window, end, 2)).isFalse();
        assertThat(challenges.reserveStart(contact, end, end.plusSeconds(3600), 2))
                .isTrue();
        assertThat(challenges.reserveStart(TestStacks.emailKey("other@example.com"), window, end, 2))
                .isTrue();
        assertThat(challenges.find(DynamoDbChallengeStore.quotaId(contact, window)))
                .isEmpty();
        assertThat(challenges.recordAttempt(DynamoDbChallengeStore.quotaId(contact, window)))
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void markUsed_onlyOnce() {
        challenges.create(challenge("ch-3"));

        assertThat(challenges.markUsed("ch-3")).isTrue();
        assertThat(challenges.markUsed("ch-3")).isFalse();
        assertThat(challenges.markUsed("ch-missing")).isFalse();
        assertThat(challenges.find("ch-3").orElseThrow().used()).isTrue();
    }
}
