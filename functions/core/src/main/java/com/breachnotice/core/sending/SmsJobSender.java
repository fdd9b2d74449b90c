package com.breachnotice.core.sending;

import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.NoticeText;
import com.breachnotice.core.campaign.SmsSegments;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.delivery.ClaimOutcome;
import com.breachnotice.core.delivery.DeliveryClaims;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.RecipientMask;
import com.breachnotice.core.registry.StoredContact;
import com.breachnotice.core.registry.SubjectRole;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Texts a job's phones, one SNS publish each, on consecutive turns of the schedule (a text takes
 * as many turns as it has parts); each publish starts at its turn, whether or not the one before
 * has answered. Each text is claimed just before its publish: a phone can be in
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
    private final TaskThreads taskThreads;

    public SmsJobSender(
            SmsSender provider,
            DeliveryClaims claims,
            ContactCipher cipher,
            SendSchedule schedule,
            LeaseTerms leases,
            Clock clock) {
        this(provider, claims, cipher, schedule, leases, clock, TaskThreads.VIRTUAL);
    }

    public SmsJobSender(
            SmsSender provider,
            DeliveryClaims claims,
            ContactCipher cipher,
            SendSchedule schedule,
            LeaseTerms leases,
            Clock clock,
            TaskThreads threads) {
        this.provider = provider;
        this.claims = claims;
        this.cipher = cipher;
        this.schedule = schedule;
        this.leases = leases;
        this.clock = clock;
        this.taskThreads = threads;
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
                id,
                reference.hash(),
                notice.told(contact.items(), text),
                RecipientMask.of(Contact.phone(phone, true)),
                phone,
                text,
                SmsSegments.count(text));
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
        List<Optional<Future<Sent>>> calls = new ArrayList<>(messages.size());
        int remaining = messages.stream().mapToInt(Outgoing::units).sum();
        Instant start = turn;
        long offset = 0;
        boolean fenced = false;
        // Each text's claim and publish run on their own virtual thread, started at the text's
        // turn: one text after another would take a claim and a publish per text (tens of
        // milliseconds each), longer than the gap between turns at a high rate, so every later turn
        // would be missed and reserved again, its first reservation wasted for every sender.
        // Named after the job, so that a thread dump shows whose text a thread is sending.
        String threadName = "sms job " + notice.job().key().campaignId() + "/"
                + notice.job().key().id() + " text ";
        try (ExecutorService threads = taskThreads.open(threadName)) {
            for (Outgoing.Text message : messages) {
                if (fenced) {
                    calls.add(Optional.empty());
                    continue;
                }
                Instant next = SendSchedule.after(start, offset, rate);
                if (schedule.missed(next)) {
                    // Behind the schedule (this thread was not run in time): the rest of this job's
                    // parts take new turns, so they never crowd other senders' turns.
                    start = schedule.reserve(notice.campaign(), Channel.SMS, remaining);
                    rate = schedule.rate(notice.campaign(), Channel.SMS);
                    offset = 0;
                    next = start;
                }
                if (!leases.allowsCall(leaseUntil, next)) {
                    fenced = true;
                    calls.add(Optional.empty());
                    continue;
                }
                schedule.waitUntil(next);
                offset += message.parts();
                remaining -= message.parts();
                Instant now = clock.instant();
                if (!leases.allowsCall(leaseUntil, now)) {
                    fenced = true; // the wait ran late: the job's lease would not outlast the publish
                    calls.add(Optional.empty());
                    continue;
                }
                calls.add(Optional.of(threads.submit(() -> text(notice, message, now))));
            }
            List<DeliveryRecord> done = new ArrayList<>();
            List<DeliveryId> left = new ArrayList<>();
            Map<DeliveryId, DeliveryStatus> settledElsewhere = new HashMap<>();
            for (int i = 0; i < messages.size(); i++) {
                Outgoing.Text message = messages.get(i);
                Optional<Sent> sent = calls.get(i).isEmpty()
                        ? Optional.empty()
                        : outcome(calls.get(i).get());
                switch (sent.orElse(new Sent.Left())) {
                    case Sent.Done d -> done.addAll(d.records());
                    case Sent.Left l -> left.add(message.id());
                    case Sent.Elsewhere e -> settledElsewhere.put(message.id(), e.status());
                }
            }
            return new Run(done, left, settledElsewhere, fenced);
        }
    }

    /** What became of one text. */
    private sealed interface Sent {
        record Done(List<DeliveryRecord> records) implements Sent {}

        /** Not texted; the job comes back for it. */
        record Left() implements Sent {}

        record Elsewhere(DeliveryStatus status) implements Sent {}
    }

    /** Claims one phone and texts it, unless another job holds or settled it. */
    private Sent text(JobNotice notice, Outgoing.Text message, Instant now) {
        switch (claims.claim(message.id(), message.referenceHash(), now, leases.until(now))) {
            case ClaimOutcome.AlreadySettled already -> {
                return new Sent.Elsewhere(already.status());
            }
            case ClaimOutcome.HeldElsewhere held -> {
                // Another job holds the phone now (or a crashed sender's lease has not run out):
                // not texted, not done; the job comes back and claims it again.
                return new Sent.Left();
            }
            case ClaimOutcome.Claimed claimed -> {
                SendResult result = provider.send(message.phone(), message.text());
                ProviderAnswers<Outgoing.Text> answers =
                        ProviderAnswers.sort(List.of(message), List.of(result), clock.instant());
                if (answers.throttled()) {
                    schedule.throttled(notice.campaign(), Channel.SMS);
                } else {
                    schedule.succeeded(notice.campaign(), Channel.SMS);
                }
                if (!answers.again().isEmpty()) {
                    // Not taken by the provider: give the claim back so the retry need not wait.
                    claims.release(message.id(), claimed.token());
                    return new Sent.Left();
                }
                return new Sent.Done(answers.records());
            }
        }
    }

    /**
     * A text whose call failed unexpectedly fails the job as a crash would (its claim runs out with
     * the job's lease and the job's next holder claims it again); the calls already started finish
     * first, as the executor closes.
     */
    private static Optional<Sent> outcome(Future<Sent> call) throws InterruptedException {
        try {
            return Optional.of(call.get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
