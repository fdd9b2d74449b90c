package com.breachnotice.local;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** One entry of a function's {@code Events}, resolved to physical resources. */
public sealed interface EventSourceDefinition {

    /** The event's name in the template, for example {@code IngestQueueEvent}. */
    String name();

    /**
     * An {@code SQS} event source mapping.
     *
     * @param maximumConcurrency {@code ScalingConfig.MaximumConcurrency}, or 0 when the template has none
     */
    record Sqs(
            String name,
            String queueUrl,
            String queueArn,
            int batchSize,
            boolean reportBatchItemFailures,
            int maximumConcurrency)
            implements EventSourceDefinition {
        public Sqs {
            if (batchSize < 1) {
                throw new IllegalArgumentException("BatchSize of " + name + " must be at least 1");
            }
        }
    }

    /**
     * A {@code CloudWatchLogs} subscription filter of the function on a log group. Locally only SNS's
     * SMS delivery-status groups are fed ({@link SmsDeliveryStatusFeed}).
     */
    record CloudWatchLogs(String name, String logGroupName) implements EventSourceDefinition {}

    /** An {@code SNS} subscription of the function to a topic. */
    record Sns(String name, String topicArn) implements EventSourceDefinition {}

    /**
     * An {@code S3} bucket notification.
     *
     * @param events for example {@code s3:ObjectCreated:*}
     * @param prefix the {@code prefix} key filter rule, or null
     * @param suffix the {@code suffix} key filter rule, or null
     */
    record S3(
            String name,
            String bucket,
            List<String> events,
            @Nullable String prefix,
            @Nullable String suffix) implements EventSourceDefinition {
        public S3 {
            events = List.copyOf(events);
        }
    }

    /**
     * An {@code HttpApi} route. A null method and path is the {@code $default} route.
     *
     * @param method upper-case method or {@code ANY}
     * @param path for example {@code /v1/challenges/{challengeId}/verify}
     */
    record HttpApi(
            String name, @Nullable String method, @Nullable String path) implements EventSourceDefinition {
        public HttpApi {
            if (method != null) {
                method = method.toUpperCase(Locale.ROOT);
            }
        }

        /** The route key API Gateway reports: {@code POST /v1/challenges}, {@code ANY /x} or {@code $default}. */
        public String routeKey() {
            if (path == null) {
                return "$default";
            }
            return (method == null ? "ANY" : method) + " " + path;
        }
    }
}
