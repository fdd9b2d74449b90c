package com.breachnotice.aws;

import com.breachnotice.aws.config.FunctionEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Builds each SDK client once per container (during INIT, on first use), all over one light
 * {@link UrlConnectionHttpClient} with explicit timeouts. Inside Lambda, region and credentials are
 * read straight from the variables Lambda sets ({@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}, ...):
 * the default provider chains would first look for profile files and system properties, which
 * costs cold-start time and finds nothing there. Elsewhere (the CLI, tests) the default chains apply.
 * There is deliberately no endpoint override here: the SDK's standard
 * {@code AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT_URL_<SERVICE>} variables or {@code aws.endpointUrl*}
 * system properties point the clients at a local emulator, so production code has no emulator
 * switch. Thread-safe; {@link #close()} closes every client built and the HTTP client.
 */
public final class AwsClients implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AwsClients.class);

    /** Connect fast or fail: a Lambda has seconds, not minutes. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** Longest wait for a response byte; SES bulk calls of 50 destinations answer well within it. */
    public static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(15);

    /**
     * System property that lengthens {@link #SOCKET_TIMEOUT}, in whole seconds, for the HTTP client
     * built after it is set. {@code LocalEmulator.applyToSystemProperties} sets it for every JVM that
     * talks to the emulator: moto walks the whole table for every scan page, and a 1,000-item page of
     * a 20,000-contact table on a busy machine outlived 15 s, so every planner page failed where
     * DynamoDB answers in milliseconds. Never set inside Lambda.
     */
    public static final String SOCKET_TIMEOUT_PROPERTY = "breachnotice.aws.socketTimeoutSeconds";

    /**
     * The whole of one SES or SNS send call, end to end: the sender starts a call only while its
     * lease outlasts this plus a margin, so a call still under way can never meet a takeover.
     */
    public static final Duration SEND_CALL_TIMEOUT = Duration.ofSeconds(20);

    /** Attempts of a DynamoDB call (the first plus retries), throttling included. */
    static final int DYNAMODB_ATTEMPTS = 8;

    /** The one region of AWS WAF's CLOUDFRONT scope. */
    static final Region WAF_CLOUDFRONT_REGION = Region.US_EAST_1;

    /** What {@code UrlConnectionHttpClient.clientName()} answers (the SDK puts it in its user agent). */
    private static final String URL_CONNECTION = "UrlConnection";

    private static final AwsClients SHARED = new AwsClients(LambdaIdentity.from(FunctionEnvironment.ofProcess()));

    private final @Nullable LambdaIdentity lambda;

    private final Object lock = new Object();
    private final List<AutoCloseable> built = new ArrayList<>();
    private @Nullable SdkHttpClient http;
    private boolean closed;

    // One lock per client, not one for all: the lookup builds its DynamoDB client and its Secrets
    // Manager client on two threads during INIT, and neither build should wait for the other.
    private final Memo<DynamoDbClient> dynamoDb = new Memo<>();
    private final Memo<SqsClient> sqs = new Memo<>();
    private final Memo<SesV2Client> ses = new Memo<>();
    private final Memo<SnsClient> sns = new Memo<>();
    private final Memo<S3Client> s3 = new Memo<>();
    private final Memo<KmsClient> kms = new Memo<>();
    private final Memo<SecretsManagerClient> secretsManager = new Memo<>();
    private final Memo<CloudFormationClient> cloudFormation = new Memo<>();
    private final Memo<StsClient> sts = new Memo<>();
    private final Memo<Wafv2Client> wafv2 = new Memo<>();

    /**
     * The clients of this process: one set per Lambda container, built during INIT by the function's
     * composition root and reused by every invocation. Functions run side by side in one local
     * runtime share it too, as they would share nothing but credentials in AWS.
     */
    public static AwsClients shared() {
        return SHARED;
    }

    /** Clients whose region and credentials come from the SDK's default chains (CLI, tests, benches). */
    public AwsClients() {
        this(null);
    }

    AwsClients(@Nullable LambdaIdentity lambda) {
        this.lambda = lambda;
    }

    public DynamoDbClient dynamoDb() {
        // Merging writes and conditional claims are safe to retry: a repeated claim fails its
        // condition and is read back, a repeated ADD of a set changes nothing.
        return dynamoDb.get(() -> inLambda(DynamoDbClient.builder())
                .httpClient(http())
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(DYNAMODB_ATTEMPTS)))
                .build());
    }

    public SqsClient sqs() {
        return sqs.get(() -> inLambda(SqsClient.builder()).httpClient(http()).build());
    }

    /**
     * SES without SDK retries: a send that timed out may have gone out, and the SDK retrying it would
     * mail the person twice. The sender sees the failure as a value and decides (the claim's lease
     * covers the ambiguous case); throttling comes back as {@code Throttled} and is retried later.
     */
    public SesV2Client ses() {
        return ses.get(() -> inLambda(SesV2Client.builder())
                .httpClient(http())
                .overrideConfiguration(noRetries())
                .build());
    }

    /** SNS without SDK retries, for the same reason as {@link #ses()}: an SMS must not go out twice. */
    public SnsClient sns() {
        return sns.get(() -> inLambda(SnsClient.builder())
                .httpClient(http())
                .overrideConfiguration(noRetries())
                .build());
    }

    /**
     * Path-style addressing ({@code https://s3.<region>.amazonaws.com/<bucket>/<key>}) works the same
     * on AWS and on every emulator, where virtual-hosted buckets would need wildcard DNS for
     * {@code <bucket>.localhost}. Our bucket names contain no dots, so nothing is lost on AWS.
     */
    public S3Client s3() {
        return s3.get(() -> inLambda(S3Client.builder())
                .httpClient(http())
                .forcePathStyle(true)
                .build());
    }

    public KmsClient kms() {
        return kms.get(() -> inLambda(KmsClient.builder()).httpClient(http()).build());
    }

    public SecretsManagerClient secretsManager() {
        return secretsManager.get(() ->
                inLambda(SecretsManagerClient.builder()).httpClient(http()).build());
    }

    /**
     * For the operator CLI, which reads a stack's outputs. The SDK module is an optional dependency
     * of this one: no function zip carries it, and no function calls this.
     */
    public CloudFormationClient cloudFormation() {
        return cloudFormation.get(() ->
                inLambda(CloudFormationClient.builder()).httpClient(http()).build());
    }

    /**
     * For the operator CLI, which records who paused, resumed or cancelled a campaign
     * ({@code GetCallerIdentity}). Optional like {@link #cloudFormation()}: no function zip carries it.
     */
    public StsClient sts() {
        return sts.get(() -> inLambda(StsClient.builder()).httpClient(http()).build());
    }

    /**
     * AWS WAF for the edge's web ACL, always in us-east-1: a web ACL for CloudFront (scope {@code
     * CLOUDFRONT}) lives there whatever the stack's region. For the edge switch only; optional like
     * {@link #cloudFormation()}: only the events function's zip carries it.
     */
    public Wafv2Client wafv2() {
        return wafv2.get(() -> inLambda(Wafv2Client.builder())
                .region(WAF_CLOUDFRONT_REGION)
                .httpClient(http())
                .build());
    }

    @Override
    public void close() {
        List<AutoCloseable> toClose;
        SdkHttpClient httpClient;
        synchronized (lock) {
            closed = true;
            toClose = List.copyOf(built);
            built.clear();
            httpClient = http;
            http = null;
        }
        for (Memo<?> memo : List.of(dynamoDb, sqs, ses, sns, s3, kms, secretsManager, cloudFormation, sts, wafv2)) {
            memo.clear();
        }
        // Service clients do not close an HTTP client they were handed, so it is closed last, here.
        for (AutoCloseable client : toClose) {
            try {
                client.close();
            } catch (Exception e) {
                LOG.warn("closing an SDK client failed", e);
            }
        }
        if (httpClient != null) {
            httpClient.close();
        }
    }

    /**
     * The one HTTP client, set up on a thread of its own: building it loads the JDK's TLS trust store,
     * a quarter of a second of INIT that overlaps with the SDK building its service clients, which
     * need the HTTP client only for their first call.
     */
    private SdkHttpClient http() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the AWS clients are closed");
            }
            if (http == null) {
                http = new BackgroundHttpClient(
                        URL_CONNECTION,
                        () -> UrlConnectionHttpClient.builder()
                                .connectionTimeout(CONNECT_TIMEOUT)
                                .socketTimeout(socketTimeout())
                                .build());
            }
            return http;
        }
    }

    /** {@link #SOCKET_TIMEOUT}, or the longer wait {@link #SOCKET_TIMEOUT_PROPERTY} asks for. */
    static Duration socketTimeout() {
        String seconds = System.getProperty(SOCKET_TIMEOUT_PROPERTY, "");
        if (seconds.isBlank()) {
            return SOCKET_TIMEOUT;
        }
        try {
            Duration asked = Duration.ofSeconds(Long.parseLong(seconds.strip()));
            return asked.compareTo(SOCKET_TIMEOUT) > 0 ? asked : SOCKET_TIMEOUT;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(SOCKET_TIMEOUT_PROPERTY + " must be whole seconds, not " + seconds, e);
        }
    }

    /** Region and credentials from Lambda's own variables, when running inside Lambda. */
    private <B extends AwsClientBuilder<B, ?>> B inLambda(B builder) {
        if (lambda != null) {
            builder.region(lambda.region()).credentialsProvider(EnvironmentVariableCredentialsProvider.create());
        }
        return builder;
    }

    /** Set only inside Lambda, whose runtime always defines both variables. */
    record LambdaIdentity(Region region) {
        static @Nullable LambdaIdentity from(FunctionEnvironment environment) {
            String function = environment.optional("AWS_LAMBDA_FUNCTION_NAME", "");
            String region = environment.optional("AWS_REGION", "");
            if (function.isEmpty() || region.isEmpty()) {
                return null;
            }
            return new LambdaIdentity(Region.of(region));
        }
    }

    /**
     * One client, built on first use under its own lock and registered for {@link #close()}. The
     * builder comes with the call, so a function never loads the classes of a client it does not use
     * (its zip may not even carry them).
     */
    private final class Memo<T extends SdkAutoCloseable> {
        private @Nullable T value;

        synchronized T get(Supplier<T> build) {
            T current = value;
            if (current == null) {
                current = build.get();
                synchronized (lock) {
                    if (closed) {
                        // Closed while this client was being built: end it rather than leak it.
                        current.close();
                        throw new IllegalStateException("the AWS clients are closed");
                    }
                    built.add(current);
                }
                value = current;
            }
            return current;
        }

        synchronized void clear() {
            value = null;
        }
    }

    private static ClientOverrideConfiguration noRetries() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallTimeout(SEND_CALL_TIMEOUT)
                .build();
    }
}
