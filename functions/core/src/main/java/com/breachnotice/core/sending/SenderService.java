package com.breachnotice.core.sending;

import com.breachnotice.core.campaign.Campaign;
import com.breachnotice.core.campaign.CampaignStore;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.contact.ContactKeyer;
import com.breachnotice.core.crypto.ContactCipher;
import com.breachnotice.core.delivery.ClaimOutcome;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryLog;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.ReferenceCodes;
import com.breachnotice.core.planning.NoticeJob;
import com.breachnotice.core.registry.ContactBook;
import com.breachnotice.core.registry.StoredContact;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends one notice job. Every delivery is claimed (a conditional write with a lease) before any
 * send and settled after it, so redelivered jobs and concurrent senders never notify a contact
 * twice; a crash between send and settle re-sends at most once, after the lease. Permanent refusals
 * are settled as failed with their reason; throttling and transient faults release the claim and
 * ask for the job to come back.
 */
public final class SenderService {

    private final CampaignStore campaigns;
    private final ContactBook contacts;
    private final DeliveryLog log;
    private final ContactCipher cipher;
    private final ContactKeyer keyer;
    private final EmailSender email;
    private final SmsSender sms;
    private final Clock clock;
    private final Duration lease;
    private final Map<String, Campaign> campaignCache = new ConcurrentHashMap<>();

    public SenderService(
            CampaignStore campaigns,
            ContactBook contacts,
            DeliveryLog log,
            ContactCipher cipher,
            ContactKeyer keyer,
            EmailSender email,
            SmsSender sms,
            Clock clock,
            Duration lease) {
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.log = log;
        this.cipher = cipher;
        this.keyer = keyer;
        this.email = email;
        this.sms = sms;
        this.clock = clock;
        this.lease = lease;
    }

    /** What became of one job. When {@code retryLater} is positive the job must come back. */
    public record JobOutcome(int sent, int failed, int skipped, int retryLater) {
        public boolean complete() {
            return retryLater == 0;
        }
    }

    public JobOutcome send(NoticeJob job) {
        Optional<Campaign> campaign = campaign(job.campaignId());
        if (campaign.isEmpty()) {
            // A job for a campaign that does not exist cannot succeed on retry either.
            return new JobOutcome(0, 0, job.contacts().size(), 0);
        }
        Map<ContactKey, StoredContact> stored = contacts.find(job.contacts());
        Tally tally = new Tally();
        List<ClaimedDelivery> claimed = new ArrayList<>();
        Instant now = clock.instant();
        for (ContactKey key : job.contacts()) {
            DeliveryId id = new DeliveryId(key, job.campaignId(), job.channel());
            String reference = ReferenceCodes.fromSeed(keyer.referenceSeed(id.contact() + "#" + id.notice()));
            String referenceHash =
                    keyer.referenceHash(ReferenceCodes.canonical(reference).orElseThrow());
            switch (log.claim(id, referenceHash, now, now.plus(lease))) {
                case ClaimOutcome.Claimed c -> {
                    StoredContact contact = stored.get(key);
                    if (contact == null) {
                        settle(id, c.token(), DeliveryStatus.FAILED, null, "not_in_registry", tally);
                    } else {
                        claimed.add(new ClaimedDelivery(id, c.token(), contact, reference));
                    }
                }
                case ClaimOutcome.AlreadySettled s -> tally.skipped++;
                case ClaimOutcome.HeldElsewhere h -> tally.retryLater++;
            }
        }
        if (!claimed.isEmpty()) {
            if (job.channel() == Channel.EMAIL) {
                sendEmails(campaign.get(), job, claimed, tally);
            } else {
                sendSms(campaign.get(), job, claimed, tally);
            }
        }
        return new JobOutcome(tally.sent, tally.failed, tally.skipped, tally.retryLater);
    }

    private void sendEmails(Campaign campaign, NoticeJob job, List<ClaimedDelivery> claimed, Tally tally) {
        List<BulkEmail> emails = new ArrayList<>(claimed.size());
        for (ClaimedDelivery delivery : claimed) {
            StoredContact contact = delivery.contact();
            String address = cipher.open(contact.value(), contact.key().value());
            String name = contact.name()
                    .map(sealedName -> cipher.open(sealedName, contact.key().value()))
                    .orElse("");
            emails.add(new BulkEmail(
                    address,
                    NoticeRendering.emailData(name, contact.items(), job.locale(), delivery.reference()),
                    Map.of("campaign", campaign.id(), "contact", contact.key().value(), "channel", "email")));
        }
        List<SendResult> results = email.sendBulk(campaign.emailTemplateName(job.locale()), emails);
        for (int i = 0; i < claimed.size(); i++) {
            SendResult result = i < results.size() ? results.get(i) : new SendResult.Failed("no_result");
            record(claimed.get(i), result, tally);
        }
    }

    private void sendSms(Campaign campaign, NoticeJob job, List<ClaimedDelivery> claimed, Tally tally) {
        String template = campaign.text(job.locale()).sms();
        for (ClaimedDelivery delivery : claimed) {
            StoredContact contact = delivery.contact();
            String phone = cipher.open(contact.value(), contact.key().value());
            String text = NoticeRendering.sms(template, contact.items(), job.locale(), delivery.reference());
            record(delivery, sms.send(phone, text), tally);
        }
    }

    private void record(ClaimedDelivery delivery, SendResult result, Tally tally) {
        switch (result) {
            case SendResult.Accepted a ->
                settle(delivery.id(), delivery.token(), DeliveryStatus.SENT, a.messageId(), null, tally);
            case SendResult.Rejected r ->
                settle(delivery.id(), delivery.token(), DeliveryStatus.FAILED, null, r.reason(), tally);
            case SendResult.Throttled t -> {
                log.release(delivery.id(), delivery.token());
                tally.retryLater++;
            }
            case SendResult.Failed f -> {
                log.release(delivery.id(), delivery.token());
                tally.retryLater++;
            }
        }
    }

    private void settle(
            DeliveryId id,
            String token,
            DeliveryStatus status,
            @org.jspecify.annotations.Nullable String messageId,
            @org.jspecify.annotations.Nullable String reason,
            Tally tally) {
        boolean settled = log.settle(id, token, status, messageId, reason, clock.instant());
        if (!settled) {
            // The lease ran out and another sender took the delivery over: it is theirs to record.
            tally.skipped++;
        } else if (status == DeliveryStatus.SENT) {
            tally.sent++;
        } else {
            tally.failed++;
        }
    }

    private Optional<Campaign> campaign(String campaignId) {
        Campaign cached = campaignCache.get(campaignId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Campaign> found = campaigns.find(campaignId);
        found.ifPresent(c -> campaignCache.put(campaignId, c));
        return found;
    }

    private record ClaimedDelivery(DeliveryId id, String token, StoredContact contact, String reference) {}

    private static final class Tally {
        int sent;
        int failed;
        int skipped;
        int retryLater;
    }
}
