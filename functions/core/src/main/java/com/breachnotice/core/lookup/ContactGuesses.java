package com.breachnotice.core.lookup;

import com.breachnotice.core.contact.ContactKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Code attempts per contact and day (UTC), across all its challenges: the per-challenge limit alone
 * would let five challenges a day buy twenty-five guesses. Counted before the code is compared, like
 * the per-challenge attempts, so concurrent guesses cannot pass the cap; the key is the contact's
 * keyed hash.
 */
public final class ContactGuesses {

    /** Attempts a contact's challenges may make in one day, right or wrong. */
    public static final int PER_CONTACT_PER_DAY = 10;

    private final RateLimits limits;
    private final Clock clock;
    private final int perDay;

    public ContactGuesses(RateLimits limits, Clock clock, int perDay) {
        if (perDay < 1) {
            throw new IllegalArgumentException("perDay must be positive");
        }
        this.limits = limits;
        this.clock = clock;
        this.perDay = perDay;
    }

    /** Counts one attempt; empty when it may go on, else how long until the contact's next day. */
    public Optional<Duration> take(ContactKey contact) {
        Instant now = clock.instant();
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        Instant next = day.plus(Duration.ofDays(1));
        if (limits.take("guesses:" + contact.value(), day, next, perDay)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, next));
    }
}
