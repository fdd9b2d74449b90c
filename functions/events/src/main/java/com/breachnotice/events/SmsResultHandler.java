package com.breachnotice.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.core.events.DeliveryEventService;
import com.breachnotice.core.events.SmsDeliveryReport;
import com.breachnotice.core.events.SmsResultService;
import com.breachnotice.queue.LogCorrelation;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies SNS SMS delivery reports, delivered by a CloudWatch Logs subscription filter on SNS's
 * delivery-status log groups (template.yaml). A report whose delivery has no record yet makes the
 * invocation fail, so Lambda retries it (CloudWatch Logs invokes asynchronously); an unreadable
 * payload is logged and dropped (a retry cannot fix it). Nothing personal is logged: the report's
 * phone number is never read.
 */
public final class SmsResultHandler implements RequestHandler<CloudWatchLogsEvent, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(SmsResultHandler.class);

    private final SmsResultService results;

    public SmsResultHandler() {
        this(EventsWiring.smsResultService(FunctionEnvironment.ofProcess()));
    }

    public SmsResultHandler(Map<String, String> environment) {
        this(EventsWiring.smsResultService(new FunctionEnvironment(environment)));
    }

    SmsResultHandler(SmsResultService results) {
        this.results = results;
    }

    @Override
    public Void handleRequest(CloudWatchLogsEvent event, Context context) {
        try (LogCorrelation ids = LogCorrelation.ofRequest(context)) {
            return applyAll(event);
        }
    }

    private Void applyAll(CloudWatchLogsEvent event) {
        SmsDeliveryStatusParser.Parsed parsed;
        try {
            parsed = SmsDeliveryStatusParser.parse(event.getAwsLogs().getData());
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            LOG.warn(
                    "unreadable SMS delivery-status payload dropped: {}",
                    e.getClass().getSimpleName());
            return null;
        }
        if (parsed.unreadable() > 0) {
            LOG.warn("{} unreadable SMS delivery report(s) dropped", parsed.unreadable());
        }
        int early = 0;
        for (SmsDeliveryReport report : parsed.reports()) {
            DeliveryEventService.Effect effect = results.apply(report);
            LOG.info(
                    "sms report: providerMessageId={} delivered={} effect={}",
                    report.providerMessageId(),
                    report.delivered(),
                    effect);
            if (effect == DeliveryEventService.Effect.NOT_RECORDED_YET) {
                early++;
            }
        }
        if (early > 0) {
            throw new ReportBeforeRecordException(early);
        }
        return null;
    }

    /** Some reports arrived before the records they update; the invocation is retried. */
    static final class ReportBeforeRecordException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReportBeforeRecordException(int reports) {
            super(reports + " SMS report(s) arrived before their delivery record; retried by Lambda");
        }
    }
}
