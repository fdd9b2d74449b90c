package com.breachnotice.core.lookup;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.CampaignStore;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.contact.ContactNormalizer;
import com.breachnotice.core.delivery.Delivery;
import com.breachnotice.core.delivery.DeliveryHistory;
import com.breachnotice.core.delivery.RecipientMasks;
import com.breachnotice.core.delivery.ReferenceCodes;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.metrics.MetricNames;
import com.breachnotice.core.metrics.Metrics;
import com.breachnotice.core.registry.ContactBook;
import com.breachnotice.core.registry.StoredContact;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The public lookup: a requester proves ownership of a contact with a one-time code, then sees
 * whether it was affected, which of its items leaked and which notices were sent to it.
 *
 * <p>Until the code is verified, nothing here depends on whether the contact is known, affected or
 * unknown: starting a challenge reads nothing from the registry, always stores a challenge and always
 * enqueues a code request; the sender alone decides that an unregistered contact gets no code.
 */
public final class LookupService {

    public static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(10);
    public static final int MAX_ATTEMPTS = 5;
    public static final int CHALLENGES_PER_CONTACT_PER_DAY = 5;

    private static final int ID_BYTES = 16;
    private static final Pattern CHALLENGE_ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Pattern CODE = Pattern.compile("[0-9]{6}");
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private final ChallengeStore challenges;
    private final CodeQueue codes;
    private final ContactBook contacts;
    private final DeliveryHistory deliveries;
    private final CampaignStore campaigns;
    private final ContactNormalizer normalizer;
    private final ContactKeyer keyer;
    private final Clock clock;
    private final SecureRandom random;
    private final CodeBudget budget;
    private final Metrics metrics;
    private final RecipientMasks masks;
    private final ReferenceChecks referenceChecks;
    private final ContactGuesses guesses;

    /** Distinct addresses a day from which one genuine code may be checked before it counts as reused. */
    public static final int REFERENCE_REUSE_THRESHOLD = 20;

    public LookupService(
            ChallengeStore challenges,
            CodeQueue codes,
            ContactBook contacts,
            DeliveryHistory deliveries,
            CampaignStore campaigns,
            ContactNormalizer normalizer,
            ContactKeyer keyer,
            Clock clock,
            SecureRandom random,
            CodeBudget budget,
            Metrics metrics,
            RecipientMasks masks,
            ReferenceChecks referenceChecks,
            ContactGuesses guesses) {
        this.challenges = challenges;
        this.codes = codes;
        this.contacts = contacts;
        this.deliveries = deliveries;
        this.campaigns = campaigns;
        this.normalizer = normalizer;
        this.keyer = keyer;
        this.clock = clock;
        this.random = random;
        this.budget = budget;
        this.metrics = metrics;
        this.masks = masks;
        this.referenceChecks = referenceChecks;
        this.guesses = guesses;
    }

    public StartResult startChallenge(String contactInput) {
        return startChallenge(contactInput, NoticeLocale.KO);
    }

    /**
     * Starts a challenge for what the requester typed; the code message is written in {@code locale}.
     *
     * <p>The hour's code budget is taken first, by every well-formed request whatever its contact, so
     * a spent budget is the same honest {@link StartResult.Busy} (HTTP 503) for everyone and tells
     * nothing about the registry; it never becomes a challenge whose code silently never comes.
     *
     * <p>Over the daily quota the answer is an honest {@link StartResult.RateLimited} (HTTP 429), not
     * a silent {@code Started} without a code. The quota counts requests, not registrations, so known,
     * unknown and affected contacts reach it alike and it tells nothing about the registry. A silent
     * answer would instead mislead the owner of a registered contact: the page explains "no code"
     * as "not in our records", and a person who asked six times would wrongly conclude that they
     * were not affected. The cost is that a stranger can learn that a contact was checked five times
     * today, which is no statement about our records.
     */
    public StartResult startChallenge(String contactInput, NoticeLocale locale) {
        Optional<Contact> contact = normalizer.either(contactInput);
        if (contact.isEmpty()) {
            return new StartResult.InvalidContact();
        }
        // Every version's key, for everyone alike: a rotation's earlier keys travel with the challenge.
        List<ContactKey> keys = keyer.keysOf(contact.get());
        ContactKey key = keys.get(0);
        List<ContactKey> earlierKeys = keys.subList(1, keys.size());
        Instant now = clock.instant();
        Optional<Instant> busyUntil = budget.take();
        if (busyUntil.isPresent()) {
            countRequest("busy");
            return new StartResult.Busy(busyUntil.get(), Duration.between(now, busyUntil.get()));
        }
        Instant windowStart = now.truncatedTo(ChronoUnit.DAYS);
        Instant windowEnd = windowStart.plus(Duration.ofDays(1));
        if (!challenges.reserveStart(key, windowStart, windowEnd, CHALLENGES_PER_CONTACT_PER_DAY)) {
            countRequest("contact_limit");
            return new StartResult.RateLimited(Duration.between(now, windowEnd));
        }
        String id = newChallengeId();
        String code = newCode();
        Instant expiresAt = now.plus(CHALLENGE_LIFETIME);
        challenges.create(
                new Challenge(id, key, keyer.codeHash(key.version(), id, code), expiresAt, 0, false, earlierKeys));
        codes.enqueue(new CodeRequest(id, key, code, locale, earlierKeys));
        countRequest("started");
        return new StartResult.Started(id, expiresAt);
    }

    /** Refusals are also codes not sent: counted under both names, so "not sent" adds up on its own. */
    private void countRequest(String outcome) {
        metrics.count(MetricNames.CODES_REQUESTED, MetricNames.OUTCOME, outcome);
        if (!outcome.equals("started")) {
            metrics.count(MetricNames.CODES_NOT_SENT, MetricNames.REASON, outcome);
        }
    }

    /**
     * Checks a code. Every attempt is counted before the code is compared, so concurrent guesses
     * cannot get past the limit, and once {@link #MAX_ATTEMPTS} are used even the right code fails.
     */
    public VerifyResult verify(String challengeId, String code) {
        VerifyResult result = check(challengeId, code);
        metrics.count(MetricNames.VERIFICATIONS, MetricNames.OUTCOME, outcomeOf(result));
        return result;
    }

    private static String outcomeOf(VerifyResult result) {
        return switch (result) {
            case VerifyResult.Verified v -> "verified";
            case VerifyResult.WrongCode w -> "wrong_code";
            case VerifyResult.TooManyAttempts t -> "too_many_attempts";
            case VerifyResult.Expired e -> "expired";
            case VerifyResult.Unknown u -> "unknown";
        };
    }

    private VerifyResult check(String challengeId, String code) {
        if (!CHALLENGE_ID.matcher(challengeId).matches()) {
            return new VerifyResult.Unknown();
        }
        Optional<Challenge> found = challenges.find(challengeId);
        if (found.isEmpty()) {
            return new VerifyResult.Unknown();
        }
        Challenge challenge = found.get();
        Instant now = clock.instant();
        // A challenge made under a key version since dropped from the ring can no longer be checked.
        if (challenge.used()
                || !now.isBefore(challenge.expiresAt())
                || !keyer.holds(challenge.contact().version())) {
            return new VerifyResult.Expired();
        }
        Duration untilExpiry = Duration.between(now, challenge.expiresAt());
        if (challenge.attempts() >= MAX_ATTEMPTS) {
            return new VerifyResult.TooManyAttempts(untilExpiry);
        }
        Optional<Duration> contactCapped = guesses.take(challenge.contact());
        if (contactCapped.isPresent()) {
            return new VerifyResult.TooManyAttempts(contactCapped.get());
        }
        int attempts = challenges.recordAttempt(challengeId);
        if (attempts > MAX_ATTEMPTS) {
            return new VerifyResult.TooManyAttempts(untilExpiry);
        }
        if (!matches(challenge, code)) {
            int left = MAX_ATTEMPTS - attempts;
            return left > 0 ? new VerifyResult.WrongCode(left) : new VerifyResult.TooManyAttempts(untilExpiry);
        }
        if (!challenges.markUsed(challengeId)) {
            // Another request spent this code a moment ago.
            return new VerifyResult.Expired();
        }
        return new VerifyResult.Verified(report(challenge.contactKeys()));
    }

    /**
     * Tells whether a reference code printed in a message belongs to a notice we sent.
     *
     * <p>A malformed code costs the same as a well-formed unknown one: its raw text is hashed and
     * looked up too (a string that is not a canonical code can never match a stored hash), so the
     * time of the answer does not tell the two apart. The raw text rather than a constant spreads
     * those reads over the index instead of piling them on one key.
     */
    public ReferenceResult checkReference(String typed, String requesterAddress) {
        Optional<String> canonical = ReferenceCodes.canonical(typed);
        // Under every key version, the current one first: a notice sent before a rotation is still
        // genuine. Malformed and unknown codes alike read once per version.
        String hash = "";
        Optional<Delivery> delivery = Optional.empty();
        for (String candidate : keyer.referenceHashes(canonical.orElse(typed))) {
            delivery = deliveries.findByReferenceHash(candidate);
            if (delivery.isPresent()) {
                hash = candidate;
                break;
            }
        }
        if (canonical.isEmpty()) {
            metrics.count(MetricNames.REFERENCE_CHECKS, MetricNames.OUTCOME, "malformed");
            return new ReferenceResult.Malformed();
        }
        if (delivery.isEmpty()) {
            metrics.count(MetricNames.REFERENCE_CHECKS, MetricNames.OUTCOME, "not_ours");
            return new ReferenceResult.NotOurs();
        }
        Delivery found = delivery.get();
        watchReuse(hash, requesterAddress);
        String campaignId = found.id().campaignId();
        String title = campaigns.find(campaignId).map(Campaign::title).orElse(campaignId);
        // The sender writes the mask into the delivery's record, which the reference index returns
        // whole: no further read. A mask kept apart from the record is looked up.
        Optional<String> recipient = found.recipientMask().or(() -> masks.find(found.id()));
        return new ReferenceResult.Genuine(title, found.id().channel(), found.sentAt(), recipient);
    }

    /**
     * Counts the distinct addresses checking one genuine code today. Every check of a code already
     * checked from {@link #REFERENCE_REUSE_THRESHOLD} addresses counts as {@code reused}, which the
     * reference-reuse alarm watches: a phishing wave is pasting a real code into its messages.
     */
    private void watchReuse(String referenceHash, String requesterAddress) {
        Instant day = clock.instant().truncatedTo(ChronoUnit.DAYS);
        int addresses = referenceChecks.record(
                referenceHash,
                keyer.requesterKey(requesterAddress.strip()),
                day,
                day.plus(Duration.ofDays(1)),
                REFERENCE_REUSE_THRESHOLD);
        metrics.count(MetricNames.REFERENCE_CHECKS, MetricNames.OUTCOME, "genuine");
        if (addresses >= REFERENCE_REUSE_THRESHOLD) {
            metrics.count(MetricNames.REFERENCE_CHECKS, MetricNames.OUTCOME, "reused");
        }
    }

    private boolean matches(Challenge challenge, String code) {
        // The hash is computed for malformed codes too, so a bad code costs the same as a wrong one.
        String candidate = code.strip();
        byte[] expected = challenge.codeHash().getBytes(StandardCharsets.US_ASCII);
        byte[] actual = keyer.codeHash(challenge.id(), candidate).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual)
                && CODE.matcher(candidate).matches();
    }

    /**
     * What a verified requester sees. The contact's record is the one under the newest key that has
     * one; its notices are those under any of its keys (a delivery keeps the key it was sent under).
     */
    private ContactReport report(List<ContactKey> keys) {
        Optional<StoredContact> stored = Optional.empty();
        for (ContactKey key : keys) {
            stored = contacts.find(key);
            if (stored.isPresent()) {
                break;
            }
        }
        List<ItemKind> items = stored.map(c ->
                        c.items().stream().sorted(Comparator.naturalOrder()).toList())
                .orElse(List.of());
        Map<String, String> titles = new HashMap<>();
        List<NoticeEntry> notices = new ArrayList<>();
        List<Delivery> sent = new ArrayList<>();
        for (ContactKey key : keys) {
            sent.addAll(deliveries.forContact(key));
        }
        if (keys.size() > 1) {
            // Each key's list is oldest first; across keys, merged by when they went out (unsent last).
            sent.sort(Comparator.comparing(d -> d.sentAt().orElse(Instant.MAX)));
        }
        for (Delivery delivery : sent) {
            String campaignId = delivery.id().campaignId();
            String title = titles.computeIfAbsent(
                    campaignId, id -> campaigns.find(id).map(Campaign::title).orElse(id));
            notices.add(new NoticeEntry(
                    title, delivery.id().channel(), delivery.sentAt(), delivery.status(), printedReference(delivery)));
        }
        List<ContactReport.RoleItems> roles = stored.map(c -> c.roleSet().stream()
                        .map(role -> new ContactReport.RoleItems(
                                role,
                                c.itemsOf(role).stream()
                                        .sorted(Comparator.naturalOrder())
                                        .toList()))
                        .toList())
                .orElse(List.of());
        return new ContactReport(!items.isEmpty(), items, notices, roles);
    }

    /**
     * The reference code the sender printed in this notice: derived from the pepper and the
     * delivery's name exactly as {@code SenderService} derives it, so it is never stored in clear.
     */
    private String printedReference(Delivery delivery) {
        return ReferenceCodes.fromSeed(
                keyer.referenceSeed(delivery.id().contact(), delivery.id().notice()));
    }

    private String newChallengeId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return URL_SAFE.encodeToString(bytes);
    }

    private String newCode() {
        return String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
    }
}
