package com.breachnotice.core.events;

import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryLog;
import com.breachnotice.core.delivery.DeliveryStatus;
import java.util.Optional;

/**
 * Moves deliveries forward on provider events. The log only ever advances a status, so duplicate,
 * late and out-of-order events are harmless.
 */
public final class DeliveryEventService {

    private final DeliveryLog log;

    public DeliveryEventService(DeliveryLog log) {
        this.log = log;
    }

    public enum Effect {
        ADVANCED,
        NO_CHANGE,
        IGNORED
    }

    public Effect apply(DeliveryEvent event) {
        Optional<DeliveryStatus> status = statusFor(event.kind());
        if (status.isEmpty()) {
            return Effect.IGNORED;
        }
        DeliveryId id = new DeliveryId(event.contact(), event.campaignId(), event.channel());
        boolean advanced = log.advance(id, status.get(), event.detail().orElse(null), event.at());
        return advanced ? Effect.ADVANCED : Effect.NO_CHANGE;
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
