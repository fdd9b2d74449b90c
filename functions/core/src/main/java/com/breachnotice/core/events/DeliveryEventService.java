package com.breachnotice.core.events;

import com.breachnotice.core.campaign.CampaignStore;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.campaign.ChannelPolicy;
import com.breachnotice.core.delivery.Delivery;
import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.DeliveryStatusUpdates;
import com.breachnotice.core.planning.NoticeJob;
import com.breachnotice.core.planning.NoticeJobQueue;
import com.breachnotice.core.registry.StoredContact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves deliveries forward on provider events. The log only ever advances a status, so duplicate,
 * late and out-of-order events are harmless. Under {@code email-first}, an email that bounced for
 * good or was suppressed makes its owners' phones the way in: one SMS notice job per phone, whose
 * key derives from its content, so a repeated event or a second bounced address of the same
 * person finds the job already claimed and sends nothing twice.
 */
public final class DeliveryEventService {

    private final DeliveryStatusUpdates log;
    private final Optional<Fallback> fallback;

    private record Fallback(CampaignStore campaigns, FallbackContacts phones, NoticeJobQueue jobs) {}

    public DeliveryEventService(DeliveryStatusUpdates log) {
        this.log = log;
        this.fallback = Optional.empty();
    }

    public DeliveryEventService(
            DeliveryStatusUpdates log, CampaignStore campaigns, FallbackContacts phones, NoticeJobQueue jobs) {
        this.log = log;
        this.fallback = Optional.of(new Fallback(campaigns, phones, jobs));
    }

    public enum Effect {
        ADVANCED,
        NO_CHANGE,
        IGNORED,
        /**
         * The delivery has no record yet: the sender records a job's deliveries right after SES
         * accepts the bulk call, and an event can overtake that write. Dropping the event would leave
         * a bounce recorded as sent (and skip the SMS fallback), so the caller has it delivered again.
         */
        NOT_RECORDED_YET
    }

    public Effect apply(DeliveryEvent event) {
        Optional<DeliveryStatus> status = statusFor(event.kind());
        if (status.isEmpty()) {
            return Effect.IGNORED;
        }
        DeliveryId id = new DeliveryId(event.contact(), event.campaignId(), event.channel());
        if (fallback.isPresent()
                && event.channel() == Channel.EMAIL
                && (status.get() == DeliveryStatus.BOUNCED || status.get() == DeliveryStatus.SUPPRESSED)) {
            // Queued before the status moves: when queuing fails the event is retried, and the retry
            // must still find the email not yet bounced, or the SMS would never be queued. Two copies
            // of one event racing here may both queue the job; its claim sends it once.
            Optional<Delivery> current = log.find(id);
            if (current.isEmpty()) {
                return Effect.NOT_RECORDED_YET;
            }
            if (current.get().status().canAdvanceTo(status.get())) {
                fallBackToSms(fallback.get(), event);
            }
        }
        boolean advanced = log.advance(id, status.get(), event.detail().orElse(null), event.at());
        if (!advanced && log.find(id).isEmpty()) {
            return Effect.NOT_RECORDED_YET;
        }
        return advanced ? Effect.ADVANCED : Effect.NO_CHANGE;
    }

    private static void fallBackToSms(Fallback fallback, DeliveryEvent event) {
        boolean emailFirst = fallback.campaigns()
                .find(event.campaignId())
                .map(c -> c.policy() == ChannelPolicy.EMAIL_FIRST)
                .orElse(false);
        if (!emailFirst) {
            return;
        }
        List<NoticeJob> jobs = new ArrayList<>();
        for (StoredContact phone : fallback.phones().phonesOfOwners(event.contact())) {
            if (phone.smsCapable()) {
                jobs.add(new NoticeJob(
                        event.campaignId(),
                        Channel.SMS,
                        phone.locale(),
                        List.of(phone.key()),
                        Map.of(phone.key(), phone)));
            }
        }
        if (!jobs.isEmpty()) {
            fallback.jobs().enqueue(jobs);
        }
    }

    static Optional<DeliveryStatus> statusFor(DeliveryEvent.Kind kind) {
        return switch (kind) {
            case DELIVERED -> Optional.of(DeliveryStatus.DELIVERED);
            case HARD_BOUNCE -> Optional.of(DeliveryStatus.BOUNCED);
            case SUPPRESSED -> Optional.of(DeliveryStatus.SUPPRESSED);
            case COMPLAINT -> Optional.of(DeliveryStatus.COMPLAINED);
            case REJECTED, RENDERING_FAILED -> Optional.of(DeliveryStatus.FAILED);
            // A soft bounce or a delay is not an outcome: SES keeps trying and reports again.
            case SOFT_BOUNCE, DELAYED -> Optional.empty();
        };
    }
}
