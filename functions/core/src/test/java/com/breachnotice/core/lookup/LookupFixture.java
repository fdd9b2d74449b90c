package com.breachnotice.core.lookup;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.contact.ContactNormalizer;
import com.breachnotice.core.contact.Pepper;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.delivery.Delivery;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.InMemoryRecipientMasks;
import com.breachnotice.core.delivery.RecipientMask;
import com.breachnotice.core.delivery.ReferenceCodes;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.metrics.RecordingMetrics;
import com.breachnotice.core.registry.StoredContact;
import com.breachnotice.core.testing.InMemoryCampaignStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A lookup service over in-memory fakes: one affected contact with two notices, one registered
 * contact without notices, and everything else unknown. Shared by the core and handler tests.
 */
public final class LookupFixture {

    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    public static final String AFFECTED_EMAIL = "Kim.Minji@Example.com";
    public static final String KNOWN_PHONE = "010-1234-5678";
    public static final String UNKNOWN_EMAIL = "nobody@example.org";
    /** The fixture's pepper: key version 1 of every key ring here. */
    public static final Pepper PEPPER =
            new Pepper("a test pepper of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8));

    /** The keyer the world's records were stored with: a ring of version 1 only. */
    private static final ContactKeyer KEYER = new ContactKeyer(PEPPER);

    /**
     * The reference code printed in the first notice to the affected contact, derived as the sender
     * derives it.
     */
    public static final String FIRST_REFERENCE = printed(new DeliveryId(
            KEYER.keyOf(ContactNormalizer.korea().either(AFFECTED_EMAIL).orElseThrow()),
            "incident-1-first",
            Channel.EMAIL));

    /** The masked recipient shown beside the first notice's reference code. */
    public static final String FIRST_RECIPIENT = "K***@example.com";

    public static final String FIRST_TITLE = "개인정보 유출 안내 / Notice of personal data leak";
    public static final String REVISED_TITLE = "개인정보 유출 안내 (정정) / Revised notice";

    public static final int DEFAULT_CODES_PER_HOUR = 20_000;

    public final SteppingClock clock = new SteppingClock(START);
    public final InMemoryChallengeStore challenges = new InMemoryChallengeStore();
    public final RecordingCodeQueue codes = new RecordingCodeQueue();
    public final InMemoryContactBook contacts = new InMemoryContactBook();
    public final FixedDeliveryHistory deliveries = new FixedDeliveryHistory();
    public final InMemoryCampaignStore campaigns = new InMemoryCampaignStore();
    public final ContactNormalizer normalizer = ContactNormalizer.korea();
    /** The service's keyer: {@link #KEYER} unless a test rotated the ring after the records were stored. */
    public final ContactKeyer keyer;

    public final InMemoryRateLimits rateLimits = new InMemoryRateLimits();
    public final RecordingMetrics metrics = new RecordingMetrics();
    public final InMemoryRecipientMasks masks = new InMemoryRecipientMasks();
    public final InMemoryReferenceChecks referenceChecks = new InMemoryReferenceChecks();
    public final CodeBudget budget;
    public final LookupService service;
    public final AddressLimiter limiter;

    public LookupFixture() {
        this(42L);
    }

    public LookupFixture(long seed) {
        this(seed, DEFAULT_CODES_PER_HOUR);
    }

    /** A world whose hourly code budget is {@code codesPerHour}, in one counter. */
    public LookupFixture(long seed, int codesPerHour) {
        this(seed, codesPerHour, KEYER);
    }

    /**
     * A world whose records were stored with key version 1 and whose service runs with {@code
     * serviceKeyer}: a ring with a newer current version is the state in the middle of a rotation.
     */
    public LookupFixture(long seed, int codesPerHour, ContactKeyer serviceKeyer) {
        this.keyer = serviceKeyer;
        ContactKey affected = KEYER.keyOf(normalizer.either(AFFECTED_EMAIL).orElseThrow());
        ContactKey known = KEYER.keyOf(normalizer.either(KNOWN_PHONE).orElseThrow());
        contacts.add(
                stored(affected, Set.of(ItemKind.ORDER_HISTORY, ItemKind.NAME, ItemKind.ADDRESS_BOOK, ItemKind.EMAIL)));
        contacts.add(stored(known, Set.of(ItemKind.PHONE)));
        campaigns.create(campaign("incident-1-first", FIRST_TITLE, Instant.parse("2026-02-20T00:00:00Z")));
        campaigns.create(campaign("incident-1-revised", REVISED_TITLE, Instant.parse("2026-02-27T00:00:00Z")));
        for (Delivery delivery : new Delivery[] {
            delivery(affected, "incident-1-first", DeliveryStatus.DELIVERED, "2026-02-20T10:15:00Z"),
            delivery(affected, "incident-1-revised", DeliveryStatus.SENT, "2026-02-27T11:00:00Z")
        }) {
            deliveries.add(
                    delivery,
                    KEYER.referenceHash(
                            ReferenceCodes.canonical(printed(delivery.id())).orElseThrow()));
        }
        // The sender kept the masked recipient of the first notice only (the revised one predates it).
        masks.remember(
                new DeliveryId(affected, "incident-1-first", Channel.EMAIL),
                RecipientMask.of(normalizer.either(AFFECTED_EMAIL).orElseThrow()));
        budget = new CodeBudget(rateLimits, clock, codesPerHour, 1);
        service = new LookupService(
                challenges,
                codes,
                contacts,
                deliveries,
                campaigns,
                normalizer,
                keyer,
                clock,
                new SeededRandom(seed),
                budget,
                metrics,
                masks,
                referenceChecks,
                new ContactGuesses(rateLimits, clock, ContactGuesses.PER_CONTACT_PER_DAY));
        limiter = new AddressLimiter(rateLimits, keyer, clock, LookupLimits.DEFAULTS);
    }

    /** A service over this world's fakes that counts to {@code counting} (a breaker watch, say). */
    public LookupService serviceWithMetrics(com.breachnotice.core.metrics.Metrics counting) {
        return new LookupService(
                challenges,
                codes,
                contacts,
                deliveries,
                campaigns,
                normalizer,
                keyer,
                clock,
                new SeededRandom(7L),
                budget,
                counting,
                masks,
                referenceChecks,
                new ContactGuesses(rateLimits, clock, ContactGuesses.PER_CONTACT_PER_DAY));
    }

    /** The reference code the sender prints in a delivery's message. */
    public static String printed(DeliveryId id) {
        return ReferenceCodes.fromSeed(KEYER.referenceSeed(id.contact(), id.notice()));
    }

    public ContactKey key(String typed) {
        return keyer.keyOf(normalizer.either(typed).orElseThrow());
    }

    private static StoredContact stored(ContactKey key, Set<ItemKind> items) {
        return new StoredContact(
                key, new Sealed("c2VhbGVk", "a2V5"), Optional.empty(), NoticeLocale.KO, items, true, false);
    }

    private static Campaign campaign(String id, String title, Instant createdAt) {
        Map<NoticeLocale, NoticeText> texts = new EnumMap<>(NoticeLocale.class);
        for (NoticeLocale locale : NoticeLocale.values()) {
            texts.put(locale, new NoticeText("subject", "text", "<p>html</p>", "sms"));
        }
        return new Campaign(id, title, ChannelPolicy.EMAIL_FIRST, createdAt, texts);
    }

    private static Delivery delivery(ContactKey contact, String campaignId, DeliveryStatus status, String sentAt) {
        Instant at = Instant.parse(sentAt);
        return new Delivery(
                new DeliveryId(contact, campaignId, Channel.EMAIL),
                status,
                at,
                Optional.of(at),
                Optional.of("provider-id"),
                Optional.empty());
    }
}
