package com.breachnotice.core.sending;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKind;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.incident.IncidentDescription;
import com.breachnotice.core.lookup.CodeRequest;
import com.breachnotice.core.lookup.RateLimits;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.metrics.MetricNames;
import com.breachnotice.core.metrics.Metrics;
import com.breachnotice.core.registry.ContactBook;
import com.breachnotice.core.registry.StoredContact;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Delivers the lookup's one-time codes. Codes go only to contacts in the affected registry: the
 * lookup answers the same for everyone, and an open code sender would invite SMS pumping and mail
 * bombing. Like notices, code messages carry no link.
 *
 * <p>The hourly budget of all codes is taken by the lookup when a challenge starts, where a spent
 * budget can be told honestly to everyone; here only text messages have a budget of their own (they
 * cost money per message), and only to Korean mobile numbers, which is whom the notices are for and
 * closes the door on international SMS pumping. Every code not sent is counted by reason.
 */
public final class ChallengeCodeService {

    private final ContactBook contacts;
    private final ContactCipher cipher;
    private final EmailSender email;
    private final SmsSender sms;
    private final RateLimits budget;
    private final Clock clock;
    private final int smsCodesPerHour;
    private final Metrics metrics;
    private final Supplier<Optional<IncidentDescription>> incident;

    static final String SMS_BUDGET_KEY = "sms-codes-sent";

    /** Text messages go only to Korean numbers (E.164 +82). */
    static final String KOREAN_PREFIX = "+82";

    public ChallengeCodeService(
            ContactBook contacts,
            ContactCipher cipher,
            EmailSender email,
            SmsSender sms,
            RateLimits budget,
            Clock clock,
            int smsCodesPerHour,
            Metrics metrics) {
        this(contacts, cipher, email, sms, budget, clock, smsCodesPerHour, metrics, Optional::empty);
    }

    /**
     * @param incident the live incident description (cached by the caller): the messages name the
     *     company and the help line from it; before one is published they name neither
     */
    public ChallengeCodeService(
            ContactBook contacts,
            ContactCipher cipher,
            EmailSender email,
            SmsSender sms,
            RateLimits budget,
            Clock clock,
            int smsCodesPerHour,
            Metrics metrics,
            Supplier<Optional<IncidentDescription>> incident) {
        if (smsCodesPerHour < 1) {
            throw new IllegalArgumentException("smsCodesPerHour must be positive");
        }
        this.contacts = contacts;
        this.cipher = cipher;
        this.email = email;
        this.sms = sms;
        this.budget = budget;
        this.clock = clock;
        this.smsCodesPerHour = smsCodesPerHour;
        this.metrics = metrics;
        this.incident = incident;
    }

    public sealed interface Outcome {
        record Sent() implements Outcome {}

        /** Not registered, or a number that cannot take SMS: nothing to send, nothing to retry. */
        record NotSent(String reason) implements Outcome {}

        record RetryLater(String reason) implements Outcome {}
    }

    public Outcome deliver(CodeRequest request) {
        Outcome outcome = attempt(request);
        switch (outcome) {
            case Outcome.Sent sent -> metrics.count(MetricNames.CODES_SENT, MetricNames.CHANNEL, channel(request));
            case Outcome.NotSent notSent ->
                metrics.count(MetricNames.CODES_NOT_SENT, MetricNames.REASON, notSent.reason());
            case Outcome.RetryLater retry -> {
                // Counted when it finally fails: its message reaches the dead-letter queue, which alarms.
            }
        }
        return outcome;
    }

    private static String channel(CodeRequest request) {
        return request.contact().kind() == ContactKind.EMAIL ? "email" : "sms";
    }

    private Outcome attempt(CodeRequest request) {
        // The current key first, then a rotation's earlier ones: the registry may not be re-keyed yet.
        Optional<StoredContact> found = Optional.empty();
        for (ContactKey key : request.contactKeys()) {
            found = contacts.find(key);
            if (found.isPresent()) {
                break;
            }
        }
        if (found.isEmpty()) {
            return new Outcome.NotSent("not_registered");
        }
        StoredContact contact = found.get();
        boolean byEmail = contact.key().kind() == ContactKind.EMAIL;
        if (!byEmail && !contact.smsCapable()) {
            return new Outcome.NotSent("not_sms_capable");
        }
        String value = cipher.open(contact.value(), contact.key().value());
        if (!byEmail && !value.startsWith(KOREAN_PREFIX)) {
            return new Outcome.NotSent("not_korean_number");
        }
        if (!byEmail) {
            Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
            if (!budget.take(SMS_BUDGET_KEY, hour, hour.plus(1, ChronoUnit.HOURS), smsCodesPerHour)) {
                return new Outcome.NotSent("sms_budget_spent");
            }
        }
        NoticeLocale locale = request.locale();
        Optional<IncidentDescription> facts = incident.get();
        SendResult result = byEmail
                ? email.send(
                        value,
                        fill(subject(locale), facts, locale),
                        fill(emailText(locale, request.code()), facts, locale))
                : sms.send(value, fill(smsText(locale, request.code()), facts, locale));
        return switch (result) {
            case SendResult.Accepted a -> new Outcome.Sent();
            // The provider's reason; the metric publishes it only if it is a plain code (else "other").
            case SendResult.Rejected r -> new Outcome.NotSent(r.reason());
            case SendResult.Throttled t -> new Outcome.RetryLater(t.reason());
            case SendResult.Failed f -> new Outcome.RetryLater(f.reason());
        };
    }

    /*
     * The texts name facts by placeholder, like notices do. "[[...]]" marks what is left out, with
     * its placeholder, while no incident is published: a code must go out even then.
     */
    static String subject(NoticeLocale locale) {
        return locale == NoticeLocale.KO
                ? "[[[{{incident.company}}] ]]개인정보 유출 조회 인증번호"
                : "[[{{incident.company}}: ]]Your breach check code";
    }

    static String emailText(NoticeLocale locale, String code) {
        return locale == NoticeLocale.KO
                ? "요청하신 유출 조회 인증번호는 " + code + " 입니다. 10분 동안 유효합니다.\n"
                        + "직접 요청하지 않으셨다면 이 메일을 무시하세요. 저희는 인증번호를 전화나 문자로 묻지 않습니다."
                        + "[[\n문의: 유출 전담 고객센터 {{incident.helpLine}} ({{incident.helpHours}})]]"
                : "Your breach check code is " + code + ". It is valid for 10 minutes.\n"
                        + "If you did not ask for it, ignore this message. We never ask for this code by phone or text."
                        + "[[\nQuestions: our leak help line {{incident.helpLine}} ({{incident.helpHours}})]]";
    }

    static String smsText(NoticeLocale locale, String code) {
        return locale == NoticeLocale.KO
                ? "[[[{{incident.company}}] ]][유출 조회] 인증번호 " + code + " (10분 유효). 누구에게도 알려주지 마세요."
                : "[[{{incident.company}} ]]Breach check code " + code + " (valid 10 min). Never share it.";
    }

    /** The facts filled in, or the parts that need them left out when none is published. */
    static String fill(String template, Optional<IncidentDescription> facts, NoticeLocale locale) {
        Matcher optional = OPTIONAL.matcher(template);
        StringBuilder out = new StringBuilder();
        while (optional.find()) {
            String part = facts.map(incident -> incident.resolve(optional.group(1), locale))
                    .orElse("");
            optional.appendReplacement(out, Matcher.quoteReplacement(part));
        }
        optional.appendTail(out);
        return out.toString();
    }

    private static final Pattern OPTIONAL = Pattern.compile("\\[\\[(.*?)]]", Pattern.DOTALL);
}
