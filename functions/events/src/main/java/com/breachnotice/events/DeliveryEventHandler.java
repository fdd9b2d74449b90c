package com.breachnotice.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.core.events.DeliveryEvent;
import com.breachnotice.core.events.DeliveryEventService;
import com.breachnotice.queue.LogCorrelation;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies SES delivery events. Malformed or foreign records are logged and dropped (retrying cannot
 * fix them); a storage failure throws so that SNS retries the delivery to Lambda.
 */
public final class DeliveryEventHandler implements RequestHandler<SNSEvent, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryEventHandler.class);

    private final DeliveryEventService events;

    public DeliveryEventHandler() {
        this(EventsWiring.deliveryEventService(FunctionEnvironment.ofProcess()));
    }

    public DeliveryEventHandler(Map<String, String> environment) {
        this(EventsWiring.deliveryEventService(new FunctionEnvironment(environment)));
    }

    DeliveryEventHandler(DeliveryEventService events) {
        this.events = events;
    }

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        try (LogCorrelation ids = LogCorrelation.ofRequest(context)) {
            return applyAll(event);
        }
    }

    private Void applyAll(SNSEvent event) {
        int early = 0;
        for (SNSEvent.SNSRecord record : event.getRecords()) {
            try (LogCorrelation ids =
                    LogCorrelation.of(LogCorrelation.MESSAGE_ID, record.getSNS().getMessageId())) {
                if (apply(record, ids) == DeliveryEventService.Effect.NOT_RECORDED_YET) {
                    early++;
                }
            }
        }
        if (early > 0) {
            // SNS invokes this function asynchronously: a failed invocation is retried by Lambda
            // (twice, a minute or more apart), by which time the sender has written the record.
            // Applying the other records again is harmless, since statuses only move forward.
            throw new EventBeforeRecordException(early);
        }
        return null;
    }

    private DeliveryEventService.@Nullable Effect apply(SNSEvent.SNSRecord record, LogCorrelation ids) {
        Optional<DeliveryEvent> parsed;
        try {
            parsed = SesEventParser.parse(record.getSNS().getMessage());
        } catch (IOException e) {
            LOG.warn(
                    "unreadable SES event dropped: snsMessageId={}",
                    record.getSNS().getMessageId());
            return null;
        }
        if (parsed.isEmpty()) {
            LOG.info("SES event ignored: snsMessageId={}", record.getSNS().getMessageId());
            return null;
        }
        DeliveryEvent delivery = parsed.get();
        ids.and(LogCorrelation.CAMPAIGN_ID, delivery.campaignId());
        DeliveryEventService.Effect effect = events.apply(delivery);
        LOG.info(
                "delivery event: campaign={} contact={} kind={} effect={}",
                delivery.campaignId(),
                delivery.contact(),
                delivery.kind(),
                effect);
        return effect;
    }

    /** Some events arrived before the delivery records they update; the invocation is retried. */
    static final class EventBeforeRecordException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EventBeforeRecordException(int events) {
            super(events + " SES event(s) arrived before their delivery record; retried by Lambda");
        }
    }
}
