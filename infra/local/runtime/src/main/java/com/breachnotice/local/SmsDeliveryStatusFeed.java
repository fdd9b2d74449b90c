package com.breachnotice.local;

import com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What SNS and CloudWatch Logs do for SMS in AWS, done locally: for each SMS the emulator accepted
 * ({@link SnsSmsPublishTap}), a delivery-status log line in SNS's format ({@code SUCCESS} in {@code
 * sns/<region>/<account>/DirectPublishToPhoneNumber}, {@code FAILURE} in {@code .../Failure}), handed
 * to the function subscribed to that group as a CloudWatch Logs subscription delivers it ({@code
 * awslogs.data}: base64 of gzip of {@code {messageType, logGroup, logEvents}}), batched per group
 * every {@value #BATCH_MILLIS} ms, a report first {@value #FIRST_DELAY_MILLIS} ms after its publish (a
 * carrier's receipt takes about as long). The sender records a job's texts after the job, so a report
 * can still overtake its record: an invocation that fails is retried with its reports after 2, 4, 8,
 * ... seconds ({@value #ATTEMPTS} attempts, about two minutes, as long as Lambda's asynchronous
 * retries), then a report is dropped with a warning.
 *
 * <p>Every SMS succeeds, except to numbers matching the regular expression in the system property or
 * environment variable {@value #FAILURE_SETTING} (for tests), which fail with "Phone is currently
 * unreachable/unavailable" as a carrier would say.
 */
final class SmsDeliveryStatusFeed implements AutoCloseable {

    static final String FAILURE_SETTING = "BREACH_NOTICE_LOCAL_SMS_FAILURE";
    static final long BATCH_MILLIS = 200;
    /**
     * Long enough for the sender to have recorded the job the text was in (it records a job's texts
     * after the job): a report that overtakes its record fails its whole invocation, and on the
     * emulator, where every look-up by message id scans the table, such retries starved the senders.
     */
    static final long FIRST_DELAY_MILLIS = 15_000;
    /** Reports per invocation, so that one early report sends few others round again. */
    static final int MAX_BATCH = 25;

    static final long RETRY_MILLIS = 2_000;
    static final int ATTEMPTS = 7;
    private static final Logger LOG = LoggerFactory.getLogger(SmsDeliveryStatusFeed.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SNS_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private static volatile @Nullable SmsDeliveryStatusFeed active;

    private record Report(String messageId, String phone, Instant at, int attempt, long notBefore) {}

    private final Map<String, HandlerInvoker> subscribers;
    private final String successGroup;
    private final String failureGroup;
    private final String accountId;
    private final Predicate<String> fails;
    private final LinkedBlockingQueue<Report> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean running = true;

    /**
     * @param subscribers the function subscribed to each log group, by log group name
     */
    SmsDeliveryStatusFeed(Map<String, HandlerInvoker> subscribers, String region, String accountId) {
        this.subscribers = Map.copyOf(subscribers);
        this.successGroup = "sns/" + region + "/" + accountId + "/DirectPublishToPhoneNumber";
        this.failureGroup = successGroup + "/Failure";
        this.accountId = accountId;
        this.fails = failurePredicate();
        this.worker =
                Thread.ofPlatform().daemon().name("local-sms-delivery-status").unstarted(this::run);
    }

    /** Whether {@code logGroupName} is one of SNS's SMS delivery-status groups for this region and account. */
    static boolean isSmsStatusGroup(String logGroupName) {
        return logGroupName.startsWith("sns/") && logGroupName.contains("/DirectPublishToPhoneNumber");
    }

    SmsDeliveryStatusFeed start() {
        active = this;
        worker.start();
        return this;
    }

    /** Called by the tap for every SMS the emulator accepted. */
    static void published(String messageId, String phone) {
        SmsDeliveryStatusFeed feed = active;
        if (feed != null && feed.running) {
            feed.queue.add(
                    new Report(messageId, phone, Instant.now(), 1, System.currentTimeMillis() + FIRST_DELAY_MILLIS));
        }
    }

    private void run() {
        List<Report> batch = new ArrayList<>();
        while (running) {
            try {
                Thread.sleep(BATCH_MILLIS);
                queue.drainTo(batch);
                long now = System.currentTimeMillis();
                List<Report> due = new ArrayList<>();
                for (Report report : batch) {
                    if (report.notBefore() <= now && due.size() < MAX_BATCH) {
                        due.add(report);
                    } else {
                        queue.add(report);
                    }
                }
                batch.clear();
                deliver(due.stream().filter(r -> !fails.test(r.phone())).toList(), successGroup, "SUCCESS");
                deliver(due.stream().filter(r -> fails.test(r.phone())).toList(), failureGroup, "FAILURE");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("local SMS delivery-status feed: {}", e.toString());
            }
        }
    }

    private void deliver(List<Report> reports, String group, String status) throws InterruptedException {
        HandlerInvoker subscriber = subscribers.get(group);
        if (reports.isEmpty() || subscriber == null) {
            return;
        }
        Invocation invocation = subscriber.invoke(event(group, reports, status));
        if (invocation.succeeded()) {
            return;
        }
        for (Report report : reports) {
            if (report.attempt() < ATTEMPTS) {
                queue.add(new Report(
                        report.messageId(),
                        report.phone(),
                        report.at(),
                        report.attempt() + 1,
                        System.currentTimeMillis() + (RETRY_MILLIS << (report.attempt() - 1))));
            } else {
                LOG.warn("local SMS delivery report {} dropped after {} attempts", report.messageId(), ATTEMPTS);
            }
        }
    }

    /** The event CloudWatch Logs hands a subscribed function, for these reports in one group. */
    CloudWatchLogsEvent event(String group, List<Report> reports, String status) {
        List<Map<String, Object>> logEvents = new ArrayList<>();
        for (Report report : reports) {
            Map<String, Object> logEvent = new LinkedHashMap<>();
            logEvent.put("id", UUID.randomUUID().toString().replace("-", ""));
            logEvent.put("timestamp", report.at().toEpochMilli());
            logEvent.put("message", write(message(report, status)));
            logEvents.add(logEvent);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("messageType", "DATA_MESSAGE");
        payload.put("owner", accountId);
        payload.put("logGroup", group);
        payload.put("logStream", UUID.randomUUID().toString());
        payload.put("subscriptionFilters", List.of("local-sms-delivery-status"));
        payload.put("logEvents", logEvents);
        CloudWatchLogsEvent.AWSLogs logs = new CloudWatchLogsEvent.AWSLogs();
        logs.setData(Base64.getEncoder().encodeToString(gzip(write(payload))));
        CloudWatchLogsEvent event = new CloudWatchLogsEvent();
        event.setAwsLogs(logs);
        return event;
    }

    /** SNS's delivery-status log line (docs: "Viewing Amazon CloudWatch metrics and logs for SMS"). */
    private static Map<String, Object> message(Report report, String status) {
        boolean success = status.equals("SUCCESS");
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("phoneCarrier", "Local Carrier");
        delivery.put("mnc", 0);
        delivery.put("numberOfMessageParts", 1);
        delivery.put("destination", report.phone());
        delivery.put("priceInUSD", 0.0);
        delivery.put("smsType", "Transactional");
        delivery.put("mcc", 0);
        delivery.put(
                "providerResponse",
                success ? "Message has been accepted by phone carrier" : "Phone is currently unreachable/unavailable");
        delivery.put("dwellTimeMs", 100);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("notification", Map.of("messageId", report.messageId(), "timestamp", SNS_TIME.format(report.at())));
        message.put("delivery", delivery);
        message.put("status", status);
        return message;
    }

    private static Predicate<String> failurePredicate() {
        String setting = Optional.ofNullable(System.getProperty(FAILURE_SETTING))
                .orElse(Optional.ofNullable(System.getenv(FAILURE_SETTING)).orElse(""));
        if (setting.isBlank()) {
            return phone -> false;
        }
        Pattern pattern = Pattern.compile(setting);
        return phone -> pattern.matcher(phone).matches();
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        running = false;
        if (active == this) {
            active = null;
        }
        worker.interrupt();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
