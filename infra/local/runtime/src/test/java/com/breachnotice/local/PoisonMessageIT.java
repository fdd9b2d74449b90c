package com.breachnotice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.breachnotice.emulator.CloudFormationTemplate;
import com.breachnotice.emulator.LocalEmulator;
import com.breachnotice.emulator.ProvisionedStack;
import com.breachnotice.emulator.ResourceProvisioner;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A message that can never decode reaches the dead-letter queue on its first receive: the real
 * {@code PlanHandler}, run by the local runtime's SQS poller (which deletes what the handler reports
 * done and leaves the rest to the queue's visibility timeout and redrive, as Lambda does), on the
 * stack of {@code poison-message-template.yaml}. Its redrive needs five receives a minute apart, so
 * only the queue-batch processor can have put the message in the dead-letter queue within the wait.
 */
class PoisonMessageIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TEMPLATE = "/poison-message-template.yaml";
    private static final String STACK =
            "poison-it-" + UUID.randomUUID().toString().substring(0, 8);

    private static LocalEmulator emulator;
    private static ProvisionedStack stack;
    private static SdkHttpClient http;
    private static SqsClient sqs;

    private final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    private LocalRuntime runtime;

    @BeforeAll
    static void provision() throws URISyntaxException {
        emulator = LocalEmulator.shared();
        emulator.applyToSystemProperties();
        URL template = Objects.requireNonNull(PoisonMessageIT.class.getResource(TEMPLATE), TEMPLATE);
        stack = new ResourceProvisioner(
                        CloudFormationTemplate.load(Path.of(template.toURI())), emulator.endpoint(), emulator.region())
                .provision(STACK);
        http = UrlConnectionHttpClient.create();
        sqs = SqsClient.builder()
                .httpClient(http)
                .endpointOverride(emulator.endpoint())
                .region(Region.of(emulator.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @AfterAll
    static void closeClients() {
        sqs.close();
        http.close();
    }

    @AfterEach
    void stopRuntime() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void poisonMessage_reachesTheDeadLetterQueueInOneReceive() {
        String queueUrl = stack.physicalId("PlanQueue");
        String dlqUrl = stack.physicalId("PlanDeadLetterQueue");
        String poison = "{\"campaign\": \"not a plan task\"";
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(poison));

        runtime = TemplateFunctions.runtime(
                        stack,
                        emulator.endpoint(),
                        emulator.environment(),
                        LocalRuntimeOptions.defaults().withListener(invocations::add))
                .start();

        List<Message> deadLettered = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            deadLettered.addAll(sqs.receiveMessage(b -> b.queueUrl(dlqUrl)
                            .waitTimeSeconds(1)
                            .messageAttributeNames("All")
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                    .messages());
            return !deadLettered.isEmpty();
        });
        assertThat(deadLettered).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo(poison);
            assertThat(message.messageAttributes().get("poisonReason").stringValue())
                    .isEqualTo("MalformedMessageException: plan task: the body is not valid JSON");
            assertThat(message.messageAttributes()).containsKey("sourceMessageId");
        });
        // One invocation, which succeeded and reported no failure: the poller deleted the message.
        await().atMost(WAIT).until(() -> stats().deleted() == 1);
        EventSourceStats stats = stats();
        assertThat(stats.received()).isEqualTo(1);
        assertThat(stats.invocations()).isEqualTo(1);
        assertThat(stats.failedItems()).isZero();
        assertThat(invocations)
                .filteredOn(i -> i.functionLogicalId().equals("PlanFunction"))
                .singleElement()
                .satisfies(i -> assertThat(i.succeeded()).isTrue());
        Map<String, String> left = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributesAsStrings();
        assertThat(left.values()).containsOnly("0");
    }

    private EventSourceStats stats() {
        return runtime.stats().stream()
                .filter(s -> s.name().equals("PlanFunction.PlanWork"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no event source PlanFunction.PlanWork in " + runtime.stats()));
    }
}
