package com.breachnotice.core.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.breachnotice.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeaseTermsTest {

    private final LeaseTerms terms = new LeaseTerms(Duration.ofSeconds(180), Duration.ofSeconds(30));
    private final Instant leaseUntil = terms.until(Fixtures.T0);

    @Test
    void allowsCall_onlyWhileTheLeaseOutlastsTheCallsDeadline() {
        assertThat(leaseUntil).isEqualTo(Fixtures.T0.plusSeconds(180));
        assertThat(terms.allowsCall(leaseUntil, Fixtures.T0)).isTrue();
        assertThat(terms.allowsCall(leaseUntil, Fixtures.T0.plusSeconds(149))).isTrue();
        assertThat(terms.allowsCall(leaseUntil, Fixtures.T0.plusSeconds(150))).isFalse();
        assertThat(terms.allowsCall(leaseUntil, Fixtures.T0.plusSeconds(200))).isFalse();
    }

    @Test
    void worthWaitingFor_aTurnWithinAThirdOfTheLease() {
        assertThat(terms.worthWaitingFor(Fixtures.T0.plusSeconds(60), Fixtures.T0))
                .isTrue();
        assertThat(terms.worthWaitingFor(Fixtures.T0.plusSeconds(61), Fixtures.T0))
                .isFalse();
    }

    @Test
    void construct_deadlineNotShorterThanTheLease_refused() {
        assertThatThrownBy(() -> new LeaseTerms(Duration.ofSeconds(30), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LeaseTerms(Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
