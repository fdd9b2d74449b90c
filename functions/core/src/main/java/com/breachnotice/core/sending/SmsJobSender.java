package com.breachnotice.core.sending;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.campaign.SmsSegments;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.delivery.ClaimOutcome;
import com.breachnotice.core.delivery.DeliveryClaims;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.registry.StoredContact;
import com.breachnotice.core.registry.SubjectRole;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Texts a job's phones, one SNS publish each, on consecutive turns of the schedule (a text takes
 * as many turns as it has parts). Each text is claimed just before its publish: a phone can be in
 * two SMS jobs under different job keys (a planner job and the fallback after an email bounce),
 * sending slowly at the same time, so the job's claim and the records read first cannot keep it to
 * one text. One conditional write per text (a text costs about $0.02) can; the job's batch record
 * then overwrites the claim with the outcome. A text held by another sender is left, so the job
 * comes back.
 */
public final class SmsJobSender implements JobSender<Outgoing.Text> {

    private final SmsSender provider;
    private final DeliveryClaims claims;
    private final ContactCipher cipher;
    private final SendSchedule schedule;
    private final LeaseTerms leases;
    private final Clock clock;

    public SmsJobSender(
            SmsSender provider,
            DeliveryClaims claims,
            ContactCipher cipher,
            SendSchedule schedule,
            LeaseTerms leases,
            Clock clock) {
        this.provider = provider;
        this.claims = claims;
        this.cipher = cipher;
        this.schedule = schedule;
        this.leases = leases;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public Outgoing.Text prepare(
            JobNotice notice, DeliveryId id, Recipients.Reference reference, StoredContact contact) {
        String text = NoticeRendering.sms(
                template(notice.text(), contact),
                notice.text().labels(contact.items(), notice.job().locale()),
                reference.printed());
        String phone = cipher.open(contact.value(), contact.key().value());
        return new Outgoing.Text(
                id, reference.hash(), notice.told(contact.items(), text), phone, text, SmsSegments.count(text));
    }

    /**
     * Someone known only from customers' address books is told in their own words ("a customer
     * saved your ... as a delivery address"); a customer, also one saved in others' books, gets the
     * customer text listing every item of both roles.
     */
    static String template(NoticeText text, StoredContact contact) {
        return contact.roleSet().contains(SubjectRole.CUSTOMER) ? text.sms() : text.smsAddressBook();
    }

    @Override
    public Run send(JobNotice notice, List<Outgoing.Text> messages, Instant turn, Instant leaseUntil)
            throws InterruptedException {
        double rate = schedule.rate(notice.campaign(), Channel.SMS);
        List<DeliveryRecord> done = new ArrayList<>();
        List<DeliveryId> left = new ArrayList<>();
        Map<DeliveryId, DeliveryStatus> settledElsewhere = new HashMap<>();
        int remaining = messages.stream().mapToInt(Outgoing::units).sum();
        Instant start = turn;
        long offset = 0;
        boolean fenced = false;
        for (Outgoing.Text message : messages) {
            if (fenced) {
                left.add(message.id());
                continue;
            }
            Instant next = SendSchedule.after(start, offset, rate);
            if (schedule.missed(next)) {
                // Behind the schedule: the rest of this job's parts take new turns.
                start = schedule.reserve(notice.campaign(), Channel.SMS, remaining);
                rate = schedule.rate(notice.campaign(), Channel.SMS);
                offset = 0;
                next = start;
            }
            if (!leases.allowsCall(leaseUntil, next)) {
                fenced = true;
                left.add(message.id());
                continue;
            }
            schedule.waitUntil(next);
            offset += message.parts();
            remaining -= message.parts();
            Instant now = clock.instant();
            if (!leases.allowsCall(leaseUntil, now)) {
                fenced = true; // the wait ran late: the job's lease would not outlast the publish
                left.add(message.id());
                continue;
            }
            switch (claims.claim(message.id(), message.referenceHash(), now, leases.until(now))) {
                case ClaimOutcome.AlreadySettled already -> settledElsewhere.put(message.id(), already.status());
                case ClaimOutcome.HeldElsewhere held ->
                    // Another job holds the phone now (or a crashed sender's lease has not run out):
                    // not texted, not done; the job comes back and claims it again.
                    left.add(message.id());
                case ClaimOutcome.Claimed claimed -> {
                    SendResult result = provider.send(message.phone(), message.text());
                    ProviderAnswers<Outgoing.Text> answers =
                            ProviderAnswers.sort(List.of(message), List.of(result), clock.instant());
                    done.addAll(answers.records());
                    if (answers.throttled()) {
                        schedule.throttled(notice.campaign(), Channel.SMS);
                    } else {
                        schedule.succeeded(notice.campaign(), Channel.SMS);
                    }
                    for (Outgoing.Text again : answers.again()) {
                        // Not taken by the provider: give the claim back so the retry need not wait.
                        claims.release(again.id(), claimed.token());
                        left.add(again.id());
                    }
                }
            }
        }
        return new Run(done, left, settledElsewhere, fenced);
    }
}
