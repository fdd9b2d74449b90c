package com.breachnotice.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.core.events.DeliveryEvent;
import com.breachnotice.core.events.DeliveryEventService;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
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
        int early = 0;
        for (SNSEvent.SNSRecord record : event.getRecords()) {
            Optional<DeliveryEvent> parsed;
            try {
                parsed = SesEventParser.parse(record.getSNS().getMessage());
            } catch (IOException e) {
                LOG.warn(
                        "unreadable SES event dropped: snsMessageId={}",
                        record.getSNS().getMessageId());
                continue;
            }
            if (parsed.isEmpty()) {
                LOG.info("SES event ignored: snsMessageId={}", record.getSNS().getMessageId());
                continue;
            }
            DeliveryEvent delivery = parsed.get();
            DeliveryEventService.Effect effect = events.apply(delivery);
            LOG.info(
                    "delivery event: campaign={} contact={} kind={} effect={}",
                    delivery.campaignId(),
                    delivery.contact(),
                    delivery.kind(),
                    effect);
            if (effect == DeliveryEventService.Effect.NOT_RECORDED_YET) {
                early++;
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

    /** Some events arrived before the delivery records they update; the invocation is retried. */
    static final class EventBeforeRecordException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EventBeforeRecordException(int events) {
            super(events + " SES event(s) arrived before their delivery record; retried by Lambda");
        }
    }
}
