package com.breachnotice.core.preview;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.campaign.SmsSegments;
import com.breachnotice.core.delivery.ReferenceCodes;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.sending.NoticeSamples;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What launching a campaign will do: recipients per channel and language, SMS parts, cost at list
 * prices, duration at the campaign's rates in its send windows (and at the account's SES rate when
 * known), sample messages for synthetic people, and what the operator should hear before saying
 * yes. Computed from values only; nothing is sent or stored.
 *
 * @param emailAtAccountRate the email duration at the account's SES send rate, when it was read
 */
public record CampaignPreview(
        Campaign campaign,
        Audience.Routed audience,
        List<SmsParts> smsParts,
        Map<String, Long> smsPartsByCountry,
        CostModel.Cost cost,
        DurationModel.ChannelDuration email,
        DurationModel.ChannelDuration sms,
        Optional<DurationModel.ChannelDuration> emailAtAccountRate,
        List<Sample> samples,
        List<String> warnings,
        List<String> notes) {

    /** Beyond this a campaign is too slow for a breach notice: three days. */
    public static final Duration LONG_CAMPAIGN = Duration.ofHours(72);

    /** What was learned of the sending account, when it could be asked (SES {@code GetAccount}). */
    public record Account(Optional<Long> maxSendRate, Optional<Boolean> productionAccess, Optional<String> note) {
        public static final Account UNKNOWN = new Account(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The parts of one SMS text with every leaked item listed (the longest it gets; people with fewer
     * items may take fewer parts, so SMS counts and cost are upper bounds).
     */
    public record SmsParts(
            NoticeLocale locale, boolean customer, SmsSegments.Encoding encoding, int characters, int parts) {}

    /** One synthetic person's messages. */
    public record Sample(NoticeLocale locale, String person, String email, String sms) {}

    public CampaignPreview {
        smsParts = List.copyOf(smsParts);
        smsPartsByCountry = java.util.Collections.unmodifiableMap(new TreeMap<>(smsPartsByCountry));
        samples = List.copyOf(samples);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    /** This preview with more warnings (the notice lint's, say) after its own. */
    public CampaignPreview withWarnings(List<String> more) {
        List<String> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new CampaignPreview(
                campaign,
                audience,
                smsParts,
                smsPartsByCountry,
                cost,
                email,
                sms,
                emailAtAccountRate,
                samples,
                all,
                notes);
    }

    /** This preview with more notes before its own. */
    public CampaignPreview withNotes(List<String> more) {
        List<String> all = new ArrayList<>(more);
        all.addAll(notes);
        return new CampaignPreview(
                campaign,
                audience,
                smsParts,
                smsPartsByCountry,
                cost,
                email,
                sms,
                emailAtAccountRate,
                samples,
                warnings,
                all);
    }

    /** From the first message to the last, windows included: the slower channel. */
    public Duration elapsed() {
        return email.elapsed().compareTo(sms.elapsed()) >= 0 ? email.elapsed() : sms.elapsed();
    }

    public static CampaignPreview of(
            Campaign campaign, Audience audience, PriceTable prices, Account account, Instant start) {
        Audience.Routed routed = audience.route(campaign.policy());
        List<SmsParts> parts = smsParts(campaign);
        Map<String, Long> partsByCountry = new TreeMap<>();
        routed.recipients().forEach((route, count) -> {
            if (route.channel() == Channel.SMS) {
                int each = parts.stream()
                        .filter(p -> p.locale() == route.locale() && p.customer() == route.customer())
                        .findFirst()
                        .orElseThrow()
                        .parts();
                partsByCountry.merge(route.country(), count * each, Long::sum);
            }
        });
        long emails = routed.on(Channel.EMAIL);
        long smsUnits =
                partsByCountry.values().stream().mapToLong(Long::longValue).sum();
        CostModel.Cost cost = CostModel.cost(prices, emails, partsByCountry);
        var email = DurationModel.of(
                Channel.EMAIL,
                emails,
                campaign.rates().emailPerSecond(),
                campaign.windows().email(),
                start);
        var sms = DurationModel.of(
                Channel.SMS,
                smsUnits,
                campaign.rates().smsPerSecond(),
                campaign.windows().sms(),
                start);
        // The campaign's rate is a ceiling the senders keep; SES enforces the account's own.
        Optional<DurationModel.ChannelDuration> atAccount = account.maxSendRate()
                .map(rate -> DurationModel.of(
                        Channel.EMAIL,
                        emails,
                        Math.max(1, Math.min(rate, campaign.rates().emailPerSecond())),
                        campaign.windows().email(),
                        start));

        List<String> warnings = new ArrayList<>();
        Duration elapsed = email.elapsed().compareTo(sms.elapsed()) >= 0 ? email.elapsed() : sms.elapsed();
        if (elapsed.compareTo(LONG_CAMPAIGN) > 0) {
            warnings.add("the campaign takes " + Durations.words(elapsed) + " at its rates, beyond "
                    + LONG_CAMPAIGN.toHours() + " h: raise --email-rate/--sms-rate (and the account's quotas)");
        }
        warnings.addAll(campaign.warnings());
        if (account.productionAccess().equals(Optional.of(false))) {
            warnings.add("the SES account is in the sandbox: it sends only to verified addresses, at most 200 a day;"
                    + " ask AWS for production access before launching");
        }
        account.maxSendRate()
                .filter(rate -> rate < campaign.rates().emailPerSecond())
                .ifPresent(rate -> warnings.add("--email-rate "
                        + campaign.rates().emailPerSecond() + "/s is above the account's SES send rate of " + rate
                        + "/s: email goes at " + rate + "/s"));
        if (!cost.unpriced().isEmpty()) {
            warnings.add("no SMS price for " + String.join(", ", cost.unpriced())
                    + " in the price table: those parts are not in the cost");
        }
        if (routed.unreachable() > 0) {
            warnings.add(String.format(java.util.Locale.ROOT, "%,d", routed.unreachable())
                    + " contacts have no channel under policy "
                    + campaign.policy().code() + ": they are recorded unreachable (failed, no_channel)");
        }
        List<String> notes = new ArrayList<>();
        account.note().ifPresent(notes::add);
        notes.add("prices of " + prices.asOf() + " (" + prices.source() + ")");
        return new CampaignPreview(
                campaign,
                routed,
                parts,
                partsByCountry,
                cost,
                email,
                sms,
                atAccount,
                samples(campaign),
                warnings,
                notes);
    }

    static List<SmsParts> smsParts(Campaign campaign) {
        List<SmsParts> parts = new ArrayList<>();
        for (NoticeLocale locale : NoticeLocale.values()) {
            NoticeText text = campaign.text(locale);
            List<String> labels = text.labels(EnumSet.allOf(ItemKind.class), locale);
            String reference = sampleReference("parts-" + locale.code());
            for (boolean customer : new boolean[] {true, false}) {
                String filled = NoticeSamples.sms(customer ? text.sms() : text.smsAddressBook(), labels, reference);
                parts.add(new SmsParts(
                        locale, customer, SmsSegments.encoding(filled), filled.length(), SmsSegments.count(filled)));
            }
        }
        return parts;
    }

    private record Person(String name, Set<ItemKind> items, boolean customer) {}

    // Synthetic people: a named customer with most items, and an address-book entry without a name.
    private static final Map<NoticeLocale, List<Person>> PEOPLE = Map.of(
            NoticeLocale.KO,
            List.of(
                    new Person(
                            "김하늘",
                            EnumSet.of(
                                    ItemKind.NAME,
                                    ItemKind.EMAIL,
                                    ItemKind.PHONE,
                                    ItemKind.ADDRESS,
                                    ItemKind.ORDER_HISTORY),
                            true),
                    new Person("", EnumSet.of(ItemKind.NAME, ItemKind.PHONE, ItemKind.ADDRESS_BOOK), false)),
            NoticeLocale.EN,
            List.of(
                    new Person("Alex Example", EnumSet.of(ItemKind.NAME, ItemKind.EMAIL, ItemKind.ADDRESS), true),
                    new Person("", EnumSet.of(ItemKind.NAME, ItemKind.PHONE, ItemKind.ADDRESS_BOOK), false)));

    static List<Sample> samples(Campaign campaign) {
        List<Sample> samples = new ArrayList<>();
        for (NoticeLocale locale : NoticeLocale.values()) {
            NoticeText text = campaign.text(locale);
            int n = 0;
            for (Person person : PEOPLE.getOrDefault(locale, List.of())) {
                n++;
                List<String> labels = text.labels(person.items(), locale);
                String reference = sampleReference("sample-" + locale.code() + "-" + n);
                String email = NoticeSamples.emailText(text, person.name(), labels, List.of(), reference);
                String sms =
                        NoticeSamples.sms(person.customer() ? text.sms() : text.smsAddressBook(), labels, reference);
                String who = (person.name().isEmpty() ? "(no name)" : person.name())
                        + (person.customer() ? ", customer" : ", address-book entry");
                samples.add(new Sample(locale, who, email, sms));
            }
        }
        return samples;
    }

    // A well-formed code from a fixed seed: the samples look real and are the same on every run.
    private static String sampleReference(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return ReferenceCodes.fromSeed(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
