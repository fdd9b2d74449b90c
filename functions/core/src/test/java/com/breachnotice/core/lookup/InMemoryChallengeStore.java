package com.breachnotice.core.lookup;

import com.breachnotice.core.contact.ContactKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link ChallengeStore} in memory, with the same atomicity as the real one (one lock). */
public final class InMemoryChallengeStore implements ChallengeStore {

    private final Map<String, Challenge> challenges = new HashMap<>();
    private final Map<String, Integer> starts = new HashMap<>();

    @Override
    public synchronized void create(Challenge challenge) {
        if (challenges.putIfAbsent(challenge.id(), challenge) != null) {
            throw new IllegalStateException("challenge id taken");
        }
    }

    @Override
    public synchronized Optional<Challenge> find(String challengeId) {
        return Optional.ofNullable(challenges.get(challengeId));
    }

    @Override
    public synchronized int recordAttempt(String challengeId) {
        Challenge c = challenges.get(challengeId);
        if (c == null) {
            return Integer.MAX_VALUE;
        }
        Challenge counted = c.withAttempts(c.attempts() + 1);
        challenges.put(challengeId, counted);
        return counted.attempts();
    }

    @Override
    public synchronized boolean markUsed(String challengeId) {
        Challenge c = challenges.get(challengeId);
        if (c == null || c.used()) {
            return false;
        }
        challenges.put(challengeId, c.asUsed());
        return true;
    }

    @Override
    public synchronized boolean reserveStart(ContactKey contact, Instant windowStart, Instant windowEnd, int limit) {
        String key = contact.value() + "#" + windowStart.getEpochSecond();
        int used = starts.getOrDefault(key, 0);
        if (used >= limit) {
            return false;
        }
        starts.put(key, used + 1);
        return true;
    }

    public synchronized int size() {
        return challenges.size();
    }
}
