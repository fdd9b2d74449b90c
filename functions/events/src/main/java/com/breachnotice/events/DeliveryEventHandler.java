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
        }
        return null;
    }
}
