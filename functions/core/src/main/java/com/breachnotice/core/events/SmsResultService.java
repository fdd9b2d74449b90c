package com.breachnotice.core.events;

import com.breachnotice.core.delivery.DeliveryId;
import com.breachnotice.core.delivery.DeliveryStatus;
import com.breachnotice.core.delivery.DeliveryStatusUpdates;
import com.breachnotice.core.delivery.SmsMessageIndex;
import java.util.Locale;
import java.util.Optional;

/**
 * Moves SMS deliveries to {@code delivered} or {@code failed} from the provider's delivery reports.
 * Statuses only move forward, so a repeated or late report changes nothing. The failure reason is
 * {@code sms:} and the provider's response, cut to a short, code-like form.
 */
public final class SmsResultService {

    static final int REASON_LIMIT = 120;

    private final SmsMessageIndex index;
    private final DeliveryStatusUpdates updates;

    public SmsResultService(SmsMessageIndex index, DeliveryStatusUpdates updates) {
        this.index = index;
        this.updates = updates;
    }

    public DeliveryEventService.Effect apply(SmsDeliveryReport report) {
        Optional<DeliveryId> id = index.smsDelivery(report.providerMessageId());
        if (id.isEmpty()) {
            return DeliveryEventService.Effect.NOT_RECORDED_YET;
        }
        boolean advanced = report.delivered()
                ? updates.advance(id.get(), DeliveryStatus.DELIVERED, null, report.at())
                : updates.advance(id.get(), DeliveryStatus.FAILED, reason(report.providerResponse()), report.at());
        return advanced ? DeliveryEventService.Effect.ADVANCED : DeliveryEventService.Effect.NO_CHANGE;
    }

    /** {@code sms:phone-is-currently-unreachable/unavailable}: digits dropped, in case a provider quotes one. */
    static String reason(String providerResponse) {
        String code = providerResponse
                .strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[0-9+]", "")
                .replaceAll("[^a-z/]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (code.isEmpty()) {
            code = "unknown";
        }
        String reason = "sms:" + code;
        return reason.length() > REASON_LIMIT ? reason.substring(0, REASON_LIMIT) : reason;
    }
}
