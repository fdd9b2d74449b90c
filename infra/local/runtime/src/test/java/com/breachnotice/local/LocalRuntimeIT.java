package com.breachnotice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.breachnotice.emulator.CloudFormationTemplate;
import com.breachnotice.emulator.LocalEmulator;
import com.breachnotice.emulator.ProvisionedStack;
import com.breachnotice.emulator.ResourceProvisioner;
import com.breachnotice.local.testing.RecordingSqsHandler;
import com.breachnotice.local.testing.Recordings;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The local runtime driven by a template, end to end: {@code local-runtime-template.yaml} provisioned in
 * the shared emulator by {@link ResourceProvisioner}, read by {@link TemplateFunctions}, and the test
 * handlers it names invoked with the events of its SQS, SNS, S3 and HttpApi sources.
 *
 * <p>One stack for the class, under a unique prefix, so that the shared emulator needs no reset; one
 * runtime per test, started after the test has put its messages in place.
 */
class LocalRuntimeIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TEMPLATE = "/local-runtime-template.yaml";
    private static final String STACK =
            "local-runtime-it-" + UUID.randomUUID().toString().substring(0, 8);

    private static LocalEmulator emulator;
    private static ProvisionedStack stack;
    private static SdkHttpClient http;
    private static SqsClient sqs;
    private static SnsClient sns;
    private static S3Client s3;

    private final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    private LocalRuntime runtime;

    @BeforeAll
    static void provision() throws URISyntaxException {
        emulator = LocalEmulator.shared();
        emulator.applyToSystemProperties();
        URL template = Objects.requireNonNull(LocalRuntimeIT.class.getResource(TEMPLATE), TEMPLATE);
        stack = new ResourceProvisioner(
                        CloudFormationTemplate.load(Path.of(template.toURI())), emulator.endpoint(), emulator.region())
                .provision(STACK);

        http = UrlConnectionHttpClient.create();
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        Region region = Region.of(emulator.region());
        sqs = SqsClient.builder()
                .httpClient(http)
                .endpointOverride(emulator.endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .build();
        sns = SnsClient.builder()
                .httpClient(http)
                .endpointOverride(emulator.endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .build();
        s3 = S3Client.builder()
                .httpClient(http)
                .endpointOverride(emulator.endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .forcePathStyle(true)
                .build();
    }

    @AfterAll
    static void closeClients() {
        sqs.close();
        sns.close();
        s3.close();
        http.close();
    }

    @BeforeEach
    void forgetRecordings() {
        for (String function : List.of("WorkFunction", "EventsFunction", "ManifestFunction", "LookupFunction")) {
            Recordings.events(recording(function), Object.class).clear();
        }
    }

    @AfterEach
    void stopRuntime() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void templateFunctions_resolveEveryFunctionAgainstTheStack() {
        List<LocalFunction> functions = TemplateFunctions.of(stack);

        assertThat(functions)
                .extracting(LocalFunction::logicalId)
                .containsExactlyInAnyOrder("WorkFunction", "EventsFunction", "ManifestFunction", "LookupFunction");
        assertThat(stack.notProvisioned()).containsEntry("EdgeOnlyFunction", "condition EdgeEnabled is false");
        LocalFunction work = function(functions, "WorkFunction");
        assertThat(work.functionName()).isEqualTo(STACK + "-WorkFunction");
        assertThat(work.handler()).isEqualTo(RecordingSqsHandler.class.getName() + "::handleRequest");
        assertThat(work.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(work.memoryMb()).isEqualTo(512);
        assertThat(work.environment()).containsExactly(Map.entry("RECORDING", recording("WorkFunction")));
        assertThat(work.eventSources())
                .containsExactly(new EventSourceDefinition.Sqs(
                        "Work", stack.physicalId("WorkQueue"), stack.attribute("WorkQueue", "Arn"), 3, true, 0));
        assertThat(function(functions, "EventsFunction").eventSources())
                .containsExactly(new EventSourceDefinition.Sns("Events", stack.physicalId("EventsTopic")));
        assertThat(function(functions, "ManifestFunction").eventSources())
                .containsExactly(new EventSourceDefinition.S3(
                        "Created", STACK + "-manifests", List.of("s3:ObjectCreated:*"), "manifests/", null));
        assertThat(function(functions, "LookupFunction").eventSources())
                .containsExactly(
                        new EventSourceDefinition.HttpApi("Verify", "POST", "/v1/challenges/{challengeId}/verify"),
                        new EventSourceDefinition.HttpApi("Boom", "GET", "/boom"));
        assertThat(TemplateFunctions.accountId(stack)).isEqualTo("123456789012");
        assertThat(stack.attribute("WorkQueue", "Arn"))
                .isEqualTo("arn:aws:sqs:" + emulator.region() + ":123456789012:" + STACK + "-WorkQueue");
    }

    @Test
    void sqs_batchesHonourBatchSize() {
        String queueUrl = stack.physicalId("WorkQueue");
        List<SendMessageBatchRequestEntry> entries = IntStream.range(0, 7)
                .mapToObj(i -> SendMessageBatchRequestEntry.builder()
                        .id("m" + i)
                        .messageBody("ok-" + i)
                        .build())
                .toList();
        sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));

        start(LocalRuntimeOptions.defaults());

        List<SQSEvent> batches = recorded("WorkFunction", SQSEvent.class);
        await().atMost(WAIT).until(() -> records(batches).size() == 7);
        assertThat(batches).allSatisfy(batch -> assertThat(batch.getRecords()).hasSizeBetween(1, 3));
        assertThat(batches.get(0).getRecords()).hasSize(3);
        assertThat(records(batches)).extracting(SQSEvent.SQSMessage::getBody).doesNotHaveDuplicates();
        SQSEvent.SQSMessage first = batches.get(0).getRecords().get(0);
        assertThat(first.getEventSource()).isEqualTo("aws:sqs");
        assertThat(first.getEventSourceArn()).isEqualTo(stack.attribute("WorkQueue", "Arn"));
        assertThat(first.getAwsRegion()).isEqualTo(emulator.region());
        assertThat(first.getReceiptHandle()).isNotBlank();
        assertThat(first.getMd5OfBody()).isNotBlank();
        assertThat(first.getAttributes())
                .containsEntry("ApproximateReceiveCount", "1")
                .containsKey("SentTimestamp");
        await().atMost(WAIT).until(() -> stats("WorkFunction.Work").deleted() == 7);
        assertThat(invocations)
                .filteredOn(invocation -> invocation.functionLogicalId().equals("WorkFunction"))
                .isNotEmpty()
                .allSatisfy(invocation -> assertThat(invocation.succeeded()).isTrue());
    }

    @Test
    void sqs_partialBatchFailure_isRedeliveredThenDeadLettered() {
        String dlqUrl = stack.physicalId("WorkDeadLetterQueue");
        sqs.sendMessageBatch(b -> b.queueUrl(stack.physicalId("WorkQueue"))
                .entries(
                        SendMessageBatchRequestEntry.builder()
                                .id("a")
                                .messageBody("ok-a")
                                .build(),
                        SendMessageBatchRequestEntry.builder()
                                .id("b")
                                .messageBody("fail-b")
                                .build()));

        start(LocalRuntimeOptions.defaults());

        List<Message> deadLettered = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            deadLettered.addAll(sqs.receiveMessage(b -> b.queueUrl(dlqUrl).waitTimeSeconds(1))
                    .messages());
            return !deadLettered.isEmpty();
        });
        assertThat(deadLettered).extracting(Message::body).containsExactly("fail-b");
        deadLettered.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(dlqUrl).receiptHandle(m.receiptHandle())));
        List<SQSEvent.SQSMessage> seen = records(recorded("WorkFunction", SQSEvent.class));
        assertThat(seen).filteredOn(m -> m.getBody().equals("ok-a")).hasSize(1);
        assertThat(seen)
                .filteredOn(m -> m.getBody().equals("fail-b"))
                .extracting(m -> m.getAttributes().get("ApproximateReceiveCount"))
                .containsExactly("1", "2");
        EventSourceStats work = stats("WorkFunction.Work");
        assertThat(work.failedItems()).isEqualTo(2);
        assertThat(work.failedInvocations()).isZero();
    }

    @Test
    void sns_publish_reachesTheHandlerAsSnsEvent() {
        String topicArn = stack.physicalId("EventsTopic");
        start(LocalRuntimeOptions.defaults());

        sns.publish(b -> b.topicArn(topicArn)
                .subject("Bounce")
                .message("{\"eventType\":\"Bounce\"}")
                .messageAttributes(Map.of(
                        "channel",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue("email")
                                .build())));

        List<SNSEvent> events = recorded("EventsFunction", SNSEvent.class);
        await().atMost(WAIT).until(() -> !events.isEmpty());
        assertThat(events.get(0).getRecords()).hasSize(1);
        SNSEvent.SNSRecord record = events.get(0).getRecords().get(0);
        assertThat(record.getEventSource()).isEqualTo("aws:sns");
        assertThat(record.getEventSubscriptionArn()).startsWith(topicArn + ":");
        assertThat(record.getSNS().getMessage()).isEqualTo("{\"eventType\":\"Bounce\"}");
        assertThat(record.getSNS().getTopicArn()).isEqualTo(topicArn);
        assertThat(record.getSNS().getSubject()).isEqualTo("Bounce");
        assertThat(record.getSNS().getType()).isEqualTo("Notification");
        assertThat(record.getSNS().getTimestamp()).isNotNull();
        assertThat(record.getSNS().getMessageAttributes().get("channel").getValue())
                .isEqualTo("email");
        assertThat(LocalRuntime.localQueuePrefix(STACK)).isEqualTo(STACK + "-local-");
        assertThat(sqs.listQueues(b -> b.queueNamePrefix(STACK + "-local-EventsFunction-Events"))
                        .queueUrls())
                .isNotEmpty();
    }

    @Test
    void s3_putUnderPrefix_reachesTheHandlerWithTheDecodedKey() {
        String bucket = stack.physicalId("ManifestBucket");
        start(LocalRuntimeOptions.defaults());

        s3.putObject(b -> b.bucket(bucket).key("other/ignored.csv"), RequestBody.fromString("x"));
        s3.putObject(b -> b.bucket(bucket).key("manifests/incident 1+été.csv"), RequestBody.fromString("id\n1\n"));

        List<S3Event> events = recorded("ManifestFunction", S3Event.class);
        await().atMost(WAIT).until(() -> !events.isEmpty());
        assertThat(events).hasSize(1);
        var record = events.get(0).getRecords().get(0);
        assertThat(record.getEventName()).startsWith("ObjectCreated:");
        assertThat(record.getS3().getBucket().getName()).isEqualTo(STACK + "-manifests");
        assertThat(record.getS3().getObject().getUrlDecodedKey()).isEqualTo("manifests/incident 1+été.csv");
        assertThat(record.getS3().getObject().getSizeAsLong()).isEqualTo(5L);
    }

    @Test
    void http_request_reachesTheHandlerAndTheResponseIsWrittenBack() throws Exception {
        start(LocalRuntimeOptions.defaults().withMaxRequestBodyBytes(1024));
        HttpClient client =
                HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
        URI base = URI.create("http://127.0.0.1:" + runtime.httpPort());

        HttpResponse<String> ok = client.send(
                HttpRequest.newBuilder(base.resolve("/v1/challenges/c-42/verify?x=1"))
                        .header("Content-Type", "application/json")
                        .header("Cookie", "s=1")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"123456\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(ok.body()).isEqualTo("POST /v1/challenges/{challengeId}/verify|c-42|{\"code\":\"123456\"}");
        assertThat(ok.headers().firstValue("x-route")).hasValue("POST /v1/challenges/{challengeId}/verify");
        assertThat(ok.headers().allValues("set-cookie")).containsExactly("session=abc; HttpOnly");
        List<APIGatewayV2HTTPEvent> events = recorded("LookupFunction", APIGatewayV2HTTPEvent.class);
        assertThat(events).hasSize(1);
        APIGatewayV2HTTPEvent event = events.get(0);
        assertThat(event.getRouteKey()).isEqualTo("POST /v1/challenges/{challengeId}/verify");
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
        assertThat(event.getRequestContext().getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(event.getPathParameters()).containsExactly(Map.entry("challengeId", "c-42"));
        assertThat(event.getQueryStringParameters()).containsEntry("x", "1");
        assertThat(event.getCookies()).containsExactly("s=1");

        HttpResponse<String> notFound = client.send(
                HttpRequest.newBuilder(base.resolve("/v1/nothing")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).isEqualTo("{\"message\":\"Not Found\"}");

        HttpResponse<String> failed = client.send(
                HttpRequest.newBuilder(base.resolve("/boom")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");

        HttpResponse<String> tooLarge = client.send(
                HttpRequest.newBuilder(base.resolve("/v1/challenges/c-42/verify"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("x".repeat(2048)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
    }

    /** Every function of the template, as {@link TemplateFunctions#runtime} wires them. */
    private void start(LocalRuntimeOptions options) {
        runtime = TemplateFunctions.runtime(
                        stack, emulator.endpoint(), emulator.environment(), options.withListener(invocations::add))
                .start();
    }

    private EventSourceStats stats(String name) {
        return runtime.stats().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no event source " + name + " in " + runtime.stats()));
    }

    private static LocalFunction function(List<LocalFunction> functions, String logicalId) {
        return functions.stream()
                .filter(f -> f.logicalId().equals(logicalId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no function " + logicalId));
    }

    private static <T> List<T> recorded(String logicalId, Class<T> type) {
        return Recordings.events(recording(logicalId), type);
    }

    /** The template sets each function's {@code RECORDING} to {@code ${AWS::StackName}/<logical id>}. */
    private static String recording(String logicalId) {
        return STACK + "/" + logicalId;
    }

    private static List<SQSEvent.SQSMessage> records(List<SQSEvent> batches) {
        return batches.stream().flatMap(batch -> batch.getRecords().stream()).toList();
    }
}
