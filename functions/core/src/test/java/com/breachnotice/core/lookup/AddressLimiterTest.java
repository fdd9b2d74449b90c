package com.breachnotice.core.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AddressLimiterTest {

    private final LookupFixture fixture = new LookupFixture();
    private final LookupLimits limits = new LookupLimits(Duration.ofHours(1), 3, 4);
    private final AddressLimiter limiter = new AddressLimiter(fixture.rateLimits, fixture.keyer, fixture.clock, limits);

    @Test
    void admit_startsUpToTheLimit_thenRetryAfterTheWindowEnd() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.admit("203.0.113.7", AddressLimiter.Action.START))
                    .isEmpty();
        }
        Optional<Duration> refused = limiter.admit("203.0.113.7", AddressLimiter.Action.START);

        assertThat(refused).isPresent();
        assertThat(refused.get()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
    }

    @Test
    void admit_countsEachAddressAndActionApart() {
        for (int i = 0; i < 3; i++) {
            limiter.admit("203.0.113.7", AddressLimiter.Action.START);
        }

        assertThat(limiter.admit("203.0.113.8", AddressLimiter.Action.START)).isEmpty();
        assertThat(limiter.admit("203.0.113.7", AddressLimiter.Action.CHECK)).isEmpty();
    }

    @Test
    void admit_nextWindow_admitsAgain() {
        for (int i = 0; i < 4; i++) {
            limiter.admit("2001:db8::1", AddressLimiter.Action.CHECK);
        }
        assertThat(limiter.admit("2001:db8::1", AddressLimiter.Action.CHECK)).isPresent();

        fixture.clock.advance(Duration.ofHours(1));

        assertThat(limiter.admit("2001:db8::1", AddressLimiter.Action.CHECK)).isEmpty();
    }

    @Test
    void network_ipv6_isCountedPerSlash64_ipv4PerAddress() {
        assertThat(AddressLimiter.network("2001:db8:1234:5678:aaaa::1"))
                .isEqualTo(AddressLimiter.network("2001:0db8:1234:5678:ffff:ffff:ffff:ffff"))
                .isEqualTo("v6:20010db812345678/64");
        assertThat(AddressLimiter.network("2001:db8:1234:5679::1"))
                .isNotEqualTo(AddressLimiter.network("2001:db8:1234:5678::1"));
        assertThat(AddressLimiter.network("203.0.113.24")).isEqualTo("203.0.113.24");
        assertThat(AddressLimiter.network("not:an:address:example.com")).isEqualTo("not:an:address:example.com");
    }

    @Test
    void admit_oneIpv6Slash64_sharesOneCounter() {
        InMemoryRateLimits counters = new InMemoryRateLimits();
        AddressLimiter oneStart = new AddressLimiter(
                counters,
                new LookupFixture().keyer,
                new SteppingClock(LookupFixture.START),
                new LookupLimits(java.time.Duration.ofHours(1), 1, 1));

        assertThat(oneStart.admit("2001:db8:1:2::10", AddressLimiter.Action.START))
                .isEmpty();
        assertThat(oneStart.admit("2001:db8:1:2:ffff::99", AddressLimiter.Action.START))
                .isPresent();
        assertThat(oneStart.admit("2001:db8:1:3::10", AddressLimiter.Action.START))
                .isEmpty();
    }
}
