package com.breachnotice.core.lookup;

import java.time.Duration;
import java.time.Instant;

/** What came of asking for a one-time code. Never says whether the contact is known. */
public sealed interface StartResult {

    /** A challenge exists; a code goes out only if the contact is in our records. */
    record Started(String challengeId, Instant expiresAt) implements StartResult {}

    /** The input is neither a plausible email address nor a phone number. */
    record InvalidContact() implements StartResult {}

    /**
     * The hour's budget of codes is spent, for everyone alike: try again at {@code retryAt} (the next
     * hour), {@code retryAfter} from now. No challenge was stored and no code will come.
     */
    record Busy(Instant retryAt, Duration retryAfter) implements StartResult {}

    /** This contact has used up its challenges for the day; {@code retryAfter} until the next window. */
    record RateLimited(Duration retryAfter) implements StartResult {}
}
