package com.breachnotice.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The local-only queues that stand in for the pushes AWS makes to Lambda (SNS subscriptions, S3 bucket
 * notifications). They are not in template.yaml: every one is named {@code <stack>-local-...} so that
 * comparisons with the template can leave them out. Each has a local dead-letter queue after
 * {@value #MAX_RECEIVE_COUNT} receives, like Lambda's two retries of an asynchronous invocation.
 */
final class LocalQueues {

    /** Local-only queue names start with {@code <stack>} followed by this. */
    static final String NAME_INFIX = "-local-";

    static final int MAX_RECEIVE_COUNT = 3;
    private static final int MAX_QUEUE_NAME = 80;

    /** A created queue. */
    record Queue(String url, String arn) {}

    private final SqsClient sqs;
    private final String stackName;

    LocalQueues(SqsClient sqs, String stackName) {
        this.sqs = sqs;
        this.stackName = stackName;
    }

    /** {@code <stack>-local-}: the prefix of every queue this class creates. */
    static String prefix(String stackName) {
        return stackName + NAME_INFIX;
    }

    /**
     * Creates (or reuses) {@code <stack>-local-<function>-<event>} and its {@code -dlq}.
     *
     * @param visibilityTimeoutSeconds how long a failed invocation's message stays hidden before the retry
     */
    Queue create(String functionLogicalId, String eventName, int visibilityTimeoutSeconds) {
        String name = queueName(functionLogicalId + "-" + eventName);
        Queue deadLetter = createQueue(queueName(functionLogicalId + "-" + eventName + "-dlq"), Map.of());
        String redrive = "{\"deadLetterTargetArn\":\"" + deadLetter.arn() + "\",\"maxReceiveCount\":\""
                + MAX_RECEIVE_COUNT + "\"}";
        return createQueue(
                name,
                Map.of(
                        QueueAttributeName.VISIBILITY_TIMEOUT,
                        Integer.toString(Math.max(1, visibilityTimeoutSeconds)),
                        QueueAttributeName.REDRIVE_POLICY,
                        redrive));
    }

    /** Looks up the URL of a queue by its ARN. */
    String urlOf(String queueArn) {
        String name = queueArn.substring(queueArn.lastIndexOf(':') + 1);
        return sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
    }

    /** Subscribes the queue to the topic with SNS's JSON envelope ({@code RawMessageDelivery=false}). */
    static String subscribe(SnsClient sns, String topicArn, Queue queue) {
        return sns.subscribe(b -> b.topicArn(topicArn)
                        .protocol("sqs")
                        .endpoint(queue.arn())
                        .attributes(Map.of("RawMessageDelivery", "false"))
                        .returnSubscriptionArn(true))
                .subscriptionArn();
    }

    /**
     * Replaces the bucket's notification configuration with one queue configuration per S3 event source:
     * locally, the runtime owns the bucket's notifications as SAM does on AWS.
     */
    static void notify(S3Client s3, String bucket, List<QueueConfiguration> configurations) {
        s3.putBucketNotificationConfiguration(
                b -> b.bucket(bucket).notificationConfiguration(n -> n.queueConfigurations(configurations)));
    }

    static QueueConfiguration queueConfiguration(String id, EventSourceDefinition.S3 source, Queue queue) {
        QueueConfiguration.Builder configuration = QueueConfiguration.builder()
                .id(id)
                .queueArn(queue.arn())
                .events(source.events().stream().map(Event::fromValue).toList());
        List<FilterRule> rules = new ArrayList<>();
        // Lower-case rule names: S3 accepts either case, moto only these.
        if (source.prefix() != null) {
            rules.add(FilterRule.builder().name("prefix").value(source.prefix()).build());
        }
        if (source.suffix() != null) {
            rules.add(FilterRule.builder().name("suffix").value(source.suffix()).build());
        }
        if (!rules.isEmpty()) {
            configuration.filter(f -> f.key(k -> k.filterRules(rules)));
        }
        return configuration.build();
    }

    private Queue createQueue(String name, Map<QueueAttributeName, String> attributes) {
        String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        if (!attributes.isEmpty()) {
            // Set apart from creation so that a queue left by an earlier run is brought up to date.
            sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(attributes));
        }
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        if (arn == null) {
            throw new IllegalStateException("queue " + name + " has no QueueArn attribute");
        }
        return new Queue(url, arn);
    }

    private String queueName(String suffix) {
        String name = (prefix(stackName) + suffix).replaceAll("[^A-Za-z0-9_-]", "-");
        if (name.length() <= MAX_QUEUE_NAME) {
            return name;
        }
        String hash = sha256(name).substring(0, 10);
        return name.substring(0, MAX_QUEUE_NAME - hash.length() - 1) + "-" + hash;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
