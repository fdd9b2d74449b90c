package com.breachnotice.core.lookup;

import java.time.Duration;

/** What came of checking a one-time code. */
public sealed interface VerifyResult {

    record Verified(ContactReport report) implements VerifyResult {}

    record WrongCode(int attemptsLeft) implements VerifyResult {}

    /** Expired, or already used: a new challenge is needed. */
    record Expired() implements VerifyResult {}

    /** The attempts are used up; the challenge is dead even for the right code. */
    record TooManyAttempts(Duration retryAfter) implements VerifyResult {}

    /** No such challenge (never existed, or storage removed it); answered like {@link Expired}. */
    record Unknown() implements VerifyResult {}
}
