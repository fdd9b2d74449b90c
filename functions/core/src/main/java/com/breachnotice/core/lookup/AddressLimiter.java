package com.breachnotice.core.lookup;

import com.breachnotice.core.contact.ContactKeyer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Rate limits per source address. The address is counted only as a keyed hash, so the counters
 * are no record of who asked. Every request of a limited kind costs one counter write whatever it
 * carries, so the limit itself tells nothing about contacts.
 */
public final class AddressLimiter {

    /** What a request does, each kind with its own counter. */
    public enum Action {
        /** Asks for a one-time code. */
        START,
        /** Tries a one-time code or a notice reference code. */
        CHECK
    }

    private final RateLimits limits;
    private final ContactKeyer keyer;
    private final Clock clock;
    private final LookupLimits settings;

    public AddressLimiter(RateLimits limits, ContactKeyer keyer, Clock clock, LookupLimits settings) {
        this.limits = limits;
        this.keyer = keyer;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Counts the request; empty when it may go on, else how long until the window that would admit
     * it. A request without a source address (never from API Gateway) is counted under one shared
     * key: it fails towards limiting, not towards an unlimited path.
     */
    public Optional<Duration> admit(String sourceAddress, Action action) {
        Instant now = clock.instant();
        long windowSeconds = settings.window().toSeconds();
        Instant windowStart =
                Instant.ofEpochSecond(now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), windowSeconds));
        Instant windowEnd = windowStart.plusSeconds(windowSeconds);
        int limit = action == Action.START ? settings.startsPerAddress() : settings.checksPerAddress();
        String key = "address:" + action.name().toLowerCase(Locale.ROOT) + ":"
                + keyer.requesterKey(network(sourceAddress.strip()));
        if (limits.take(key, windowStart, windowEnd, limit)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, windowEnd));
    }

    /**
     * What one requester controls: an IPv4 address, or an IPv6 address's /64 (one subscriber's
     * network gets a whole /64, so counting single IPv6 addresses would give each client 2^64
     * fresh counters). Anything that is not an IPv6 literal is counted as it is.
     */
    static String network(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        String literal =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (!literal.matches("[0-9A-Fa-f:.]+")) {
            return address;
        }
        try {
            // A literal of hex digits, colons and dots only: parsed without any name lookup.
            byte[] bytes = java.net.InetAddress.getByName(literal).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder prefix = new StringBuilder("v6:");
            for (int i = 0; i < 8; i++) {
                prefix.append(String.format(Locale.ROOT, "%02x", bytes[i]));
            }
            return prefix.append("/64").toString();
        } catch (java.net.UnknownHostException e) {
            return address;
        }
    }
}
