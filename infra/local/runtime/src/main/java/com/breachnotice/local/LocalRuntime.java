package com.breachnotice.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Runs the functions of the template on this machine: the real handler classes, invoked with the events
 * Lambda would pass them, by SQS pollers (SQS event sources), local queues fed by SNS subscriptions and
 * S3 bucket notifications (SNS and S3 event sources) and an HTTP server on 127.0.0.1 (HttpApi routes).
 *
 * <p>The resources must exist already (the emulator module provisions them from template.yaml). SNS and
 * S3 event sources get local-only queues named {@code <stack>-local-...} (see {@link #localQueuePrefix}).
 * Use {@link TemplateFunctions#runtime} to build one from a provisioned stack.
 */
public final class LocalRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRuntime.class);
    private static final int ASYNC_BATCH = 10;

    private final List<LocalFunction> functions;
    private final AwsTarget target;
    private final LocalRuntimeOptions options;
    private final ClassLoader classLoader;
    private final SdkHttpClient httpClient;
    private final SqsClient sqs;
    private final SnsClient sns;
    private final S3Client s3;
    private final Map<String, HandlerInvoker> invokers = new LinkedHashMap<>();
    private final List<SqsPoller> pollers = new ArrayList<>();
    private @Nullable HttpApiServer httpServer;
    private @Nullable SmsDeliveryStatusFeed smsStatusFeed;
    private State state = State.NEW;

    private enum State {
        NEW,
        STARTED,
        STOPPED
    }

    private LocalRuntime(
            List<LocalFunction> functions, AwsTarget target, LocalRuntimeOptions options, ClassLoader classLoader) {
        this.functions = List.copyOf(functions);
        this.target = target;
        this.options = options;
        this.classLoader = classLoader;
        this.httpClient = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(options.pollWait().plusSeconds(30))
                .build();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(target.accessKeyId(), target.secretAccessKey()));
        ClientOverrideConfiguration overrides = ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(options.pollWait().plusSeconds(30))
                .build();
        Region region = Region.of(target.region());
        this.sqs = SqsClient.builder()
                .httpClient(httpClient)
                .endpointOverride(target.endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides)
                .build();
        this.sns = SnsClient.builder()
                .httpClient(httpClient)
                .endpointOverride(target.endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides)
                .build();
        this.s3 = S3Client.builder()
                .httpClient(httpClient)
                .endpointOverride(target.endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .forcePathStyle(true)
                .overrideConfiguration(overrides)
                .build();
    }

    /**
     * A runtime for the given functions; nothing runs until {@link #start()}.
     *
     * @param functions the functions, their event sources resolved to physical resources
     * @param target the emulator (or AWS_ENDPOINT_URL target) the resources live in
     */
    public static LocalRuntime create(List<LocalFunction> functions, AwsTarget target, LocalRuntimeOptions options) {
        return new LocalRuntime(
                functions, target, options, Thread.currentThread().getContextClassLoader());
    }

    /** The prefix of the local-only queues of a stack: {@code <stack>-local-}. */
    public static String localQueuePrefix(String stackName) {
        return LocalQueues.prefix(stackName);
    }

    /**
     * Builds every handler (failing at once if one cannot start), creates the local queues, subscriptions
     * and bucket notifications, then starts the pollers and the HTTP server.
     *
     * @return this
     */
    public synchronized LocalRuntime start() {
        if (state != State.NEW) {
            throw new IllegalStateException("the local runtime can be started once, it is " + state);
        }
        state = State.STARTED;
        try {
            wire();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        pollers.forEach(SqsPoller::start);
        HttpApiServer server = httpServer;
        if (server != null) {
            server.start();
        }
        LOG.info(
                "local runtime started: {} functions, {} pollers{}",
                invokers.size(),
                pollers.size(),
                server == null ? "" : ", HTTP API on 127.0.0.1:" + server.port());
        return this;
    }

    /** Stops the HTTP server and the pollers; returns within about one poll wait plus the batch in hand. */
    public synchronized void stop() {
        if (state == State.STOPPED) {
            return;
        }
        state = State.STOPPED;
        HttpApiServer server = httpServer;
        if (server != null) {
            server.close();
        }
        pollers.parallelStream().forEach(SqsPoller::stop);
        SmsDeliveryStatusFeed feed = smsStatusFeed;
        if (feed != null) {
            feed.close();
        }
    }

    @Override
    public void close() {
        stop();
        sqs.close();
        sns.close();
        s3.close();
        httpClient.close();
    }

    /**
     * The port of the HTTP API on 127.0.0.1.
     *
     * @throws IllegalStateException when not started or when no function has an HttpApi event
     */
    public synchronized int httpPort() {
        HttpApiServer server = httpServer;
        if (server == null || state != State.STARTED) {
            throw new IllegalStateException("the local runtime serves no HTTP API (not started, or no HttpApi events)");
        }
        return server.port();
    }

    /** Counters of every event source, for diagnostics. */
    public synchronized List<EventSourceStats> stats() {
        return pollers.stream().map(SqsPoller::stats).toList();
    }

    /** The functions this runtime runs. */
    public List<LocalFunction> functions() {
        return functions;
    }

    private void wire() {
        LocalQueues localQueues = new LocalQueues(sqs, target.stackName());
        Map<String, List<QueueConfiguration>> bucketNotifications = new LinkedHashMap<>();
        Map<String, HandlerInvoker> smsStatusGroups = new LinkedHashMap<>();
        List<HttpRoutes.Route> routes = new ArrayList<>();
        for (LocalFunction function : functions) {
            int concurrency = options.concurrencyOf(function.logicalId());
            HandlerInvoker invoker = new HandlerInvoker(
                    function,
                    environmentOf(function),
                    "arn:aws:lambda:" + target.region() + ":" + target.accountId() + ":function:"
                            + function.functionName(),
                    concurrency,
                    options.clock(),
                    options.listener(),
                    classLoader);
            invoker.initialize();
            invokers.put(function.logicalId(), invoker);
            int retryAfterSeconds = (int) Math.min(43_200, function.timeout().toSeconds());
            for (EventSourceDefinition source : function.eventSources()) {
                String name = function.logicalId() + "." + source.name();
                EventSourceCounters counters = new EventSourceCounters(name);
                switch (source) {
                    case EventSourceDefinition.Sqs queue -> {
                        requireEventType(invoker, SQSEvent.class, name);
                        pollers.add(poller(
                                name,
                                queue.queueUrl(),
                                queue.batchSize(),
                                concurrency,
                                new SqsEventSourceMapping(queue, invoker, target.region(), counters),
                                counters));
                    }
                    case EventSourceDefinition.Sns topic -> {
                        requireEventType(invoker, SNSEvent.class, name);
                        LocalQueues.Queue queue =
                                localQueues.create(function.logicalId(), source.name(), retryAfterSeconds);
                        String subscriptionArn = LocalQueues.subscribe(sns, topic.topicArn(), queue);
                        pollers.add(poller(
                                name,
                                queue.url(),
                                ASYNC_BATCH,
                                concurrency,
                                new SnsSubscriptionDispatch(subscriptionArn, invoker, counters),
                                counters));
                    }
                    case EventSourceDefinition.S3 bucket -> {
                        requireEventType(invoker, S3Event.class, name);
                        LocalQueues.Queue queue =
                                localQueues.create(function.logicalId(), source.name(), retryAfterSeconds);
                        bucketNotifications
                                .computeIfAbsent(bucket.bucket(), b -> new ArrayList<>())
                                .add(LocalQueues.queueConfiguration(name, bucket, queue));
                        pollers.add(poller(
                                name,
                                queue.url(),
                                ASYNC_BATCH,
                                concurrency,
                                new S3NotificationDispatch(invoker, counters),
                                counters));
                    }
                    case EventSourceDefinition.CloudWatchLogs logs -> {
                        requireEventType(invoker, CloudWatchLogsEvent.class, name);
                        if (SmsDeliveryStatusFeed.isSmsStatusGroup(logs.logGroupName())) {
                            smsStatusGroups.put(logs.logGroupName(), invoker);
                        } else {
                            LOG.warn("{}: only SNS's SMS delivery-status log groups are fed locally", name);
                        }
                    }
                    case EventSourceDefinition.HttpApi route -> {
                        requireEventType(invoker, APIGatewayV2HTTPEvent.class, name);
                        routes.add(new HttpRoutes.Route(route, invoker));
                    }
                }
            }
        }
        if (!smsStatusGroups.isEmpty()) {
            smsStatusFeed = new SmsDeliveryStatusFeed(smsStatusGroups, target.region(), target.accountId()).start();
        }
        bucketNotifications.forEach((bucket, configurations) -> LocalQueues.notify(s3, bucket, configurations));
        HttpRoutes httpRoutes = new HttpRoutes(routes);
        if (!httpRoutes.isEmpty()) {
            httpServer = new HttpApiServer(
                    httpRoutes, options.httpPort(), options.maxRequestBodyBytes(), target.accountId(), options.clock());
        }
    }

    private SqsPoller poller(
            String name,
            String queueUrl,
            int batchSize,
            int concurrency,
            QueueBatchHandler handler,
            EventSourceCounters counters) {
        return new SqsPoller(
                name,
                sqs,
                queueUrl,
                batchSize,
                concurrency,
                options.pollWait(),
                handler,
                counters,
                options.duplicateDeliveries());
    }

    /** What Lambda sets, then the emulator's settings, then the function's own variables (which win). */
    private Map<String, String> environmentOf(LocalFunction function) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_REGION", target.region());
        environment.put("AWS_DEFAULT_REGION", target.region());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", function.functionName());
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.functionName());
        environment.putAll(target.environment());
        environment.putAll(function.environment());
        return environment;
    }

    private static void requireEventType(HandlerInvoker invoker, Class<?> eventClass, String source) {
        if (!invoker.accepts(eventClass)) {
            throw new IllegalStateException(source + " delivers " + eventClass.getSimpleName() + " but "
                    + invoker.function().handler() + " takes "
                    + invoker.eventType().getName());
        }
    }
}
