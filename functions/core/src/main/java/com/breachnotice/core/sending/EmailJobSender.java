package com.breachnotice.core.sending;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.RecipientMask;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.registry.StoredContact;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends a job's emails with one SES bulk call of the campaign's stored template. Throttled and
 * transiently failed destinations are tried again here, on a new turn at a lower rate, up to
 * {@link #ATTEMPTS} calls; what is still left goes back with the job. Emails stay under the job's
 * claim alone: a write per email would not fit their request budget.
 */
public final class EmailJobSender implements JobSender<Outgoing.Email> {

    /** Calls for one job within one invocation (the first and two retries). */
    static final int ATTEMPTS = 3;

    /**
     * New turns a job takes after waking too late for its turn, before it goes back. Generous: a job
     * given back waits out the notice queue's visibility timeout (12 minutes), and a cold or busy
     * instance wakes late several times in a row (5 stranded the first job of the emulator's
     * requests bench for those 12 minutes); the lease fence ends the wait long before 50 turns on a
     * machine that is late every time.
     */
    static final int LATE_WAKES = 50;

    private final EmailSender provider;
    private final ContactCipher cipher;
    private final SendSchedule schedule;
    private final LeaseTerms leases;
    private final Clock clock;

    public EmailJobSender(
            EmailSender provider, ContactCipher cipher, SendSchedule schedule, LeaseTerms leases, Clock clock) {
        this.provider = provider;
        this.cipher = cipher;
        this.schedule = schedule;
        this.leases = leases;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Outgoing.Email prepare(
            JobNotice notice, DeliveryId id, Recipients.Reference reference, StoredContact contact) {
        String address = cipher.open(contact.value(), contact.key().value());
        String name = contact.name()
                .map(sealedName -> cipher.open(sealedName, contact.key().value()))
                .orElse("");
        // The labels are the incident description's, as the campaign's notice was filled with them.
        NoticeLocale locale = notice.job().locale();
        Map<String, Object> data = NoticeRendering.emailData(
                name,
                notice.text().labels(contact.items(), locale),
                notice.text().labels(notice.job().newItemsOf(contact.key()), locale),
                reference.printed());
        BulkEmail email = new BulkEmail(
                address,
                data,
                Map.of(
                        "campaign",
                        notice.campaign().id(),
                        "contact",
                        contact.key().value(),
                        "channel",
                        "email"));
        return new Outgoing.Email(
                id,
                reference.hash(),
                notice.told(contact.items(), NoticeRendering.emailMessage(notice.text(), data)),
                RecipientMask.of(Contact.email(address)),
                email);
    }

    @Override
    public Run send(JobNotice notice, List<Outgoing.Email> messages, Instant turn, Instant leaseUntil)
            throws InterruptedException {
        List<DeliveryRecord> done = new ArrayList<>();
        List<Outgoing.Email> left = messages;
        Instant next = turn;
        boolean fenced = false;
        int lateWakes = 0;
        for (int attempt = 0; attempt < ATTEMPTS && !left.isEmpty(); attempt++) {
            if (attempt > 0 || schedule.missed(next)) {
                next = schedule.reserve(notice.campaign(), Channel.EMAIL, left.size());
                if (!leases.worthWaitingFor(next, clock.instant())) {
                    break; // too far ahead to wait for: the job comes back
                }
            }
            if (!leases.allowsCall(leaseUntil, next)) {
                fenced = true; // the turn comes too late for this lease: the job comes back
                break;
            }
            schedule.waitUntil(next);
            if (!leases.allowsCall(leaseUntil, clock.instant())) {
                fenced = true; // the wait ran late: another sender may own the job when the call ends
                break;
            }
            if (schedule.missed(next)) {
                // Woke later than the headroom allows (a busy machine): sent now, the call would
                // crowd the turns after it into one second. A new turn instead, not an attempt;
                // late again and again, the job goes back.
                if (lateWakes++ >= LATE_WAKES) {
                    break;
                }
                attempt--;
                continue;
            }
            List<SendResult> results = provider.sendBulk(
                    notice.campaign().emailTemplateName(notice.job().locale()),
                    left.stream().map(Outgoing.Email::email).toList());
            ProviderAnswers<Outgoing.Email> answers = ProviderAnswers.sort(left, results, clock.instant());
            done.addAll(answers.records());
            if (answers.throttled()) {
                schedule.throttled(notice.campaign(), Channel.EMAIL);
            } else {
                schedule.succeeded(notice.campaign(), Channel.EMAIL);
            }
            left = answers.again();
        }
        return new Run(done, left.stream().map(Outgoing::id).toList(), Map.of(), fenced);
    }
}
