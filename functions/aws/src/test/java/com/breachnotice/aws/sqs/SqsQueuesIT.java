package com.breachnotice.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.aws.messages.MessageCodec;
import com.breachnotice.core.campaign.Channel;
import com.breachnotice.core.contact.KeyRing;
import com.breachnotice.core.contact.Pepper;
import com.breachnotice.core.intake.IngestTask;
import com.breachnotice.core.lookup.CodeRequest;
import com.breachnotice.core.lookup.CodeSeal;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.planning.NoticeJob;
import com.breachnotice.core.planning.PlanTask;
import com.breachnotice.emulator.ProvisionedStack;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class SqsQueuesIT {

    private static ProvisionedStack stack;
    private static SqsClient sqs;

    @BeforeAll
    static void provision() {
        stack = TestStacks.provision(SqsQueuesIT.class);
        sqs = TestStacks.clients().sqs();
    }

    @Test
    void ingestQueue_sendsEveryTaskInBatches() {
        String url = stack.physicalId("IngestQueue");
        List<IngestTask> tasks = IntStream.range(0, 23)
                .mapToObj(i -> new IngestTask(
                        "m#e", "bucket", "manifests/a.csv", i * 100L, i * 100L + 100, 2 + i, i, 23, "customer_id"))
                .toList();

        new SqsIngestQueue(sqs, url).enqueue(tasks);

        assertThat(receive(url, 23, MessageCodec::decodeIngestTask)).containsExactlyInAnyOrderElementsOf(tasks);
    }

    @Test
    void planQueue_keepsTheOptionalStartKey() {
        String url = stack.physicalId("PlanQueue");
        PlanTask first = new PlanTask("incident-1", 0, 4, 0, Optional.empty());
        List<PlanTask> tasks = List.of(first, first.next("E" + "a".repeat(64)));

        new SqsPlanQueue(sqs, url).enqueue(tasks);

        assertThat(receive(url, 2, MessageCodec::decodePlanTask)).containsExactlyInAnyOrderElementsOf(tasks);
    }

    @Test
    void noticeJobQueue_carriesContactKeys() {
        String url = stack.physicalId("NoticeQueue");
        List<NoticeJob> jobs = IntStream.range(0, 12)
                .mapToObj(i -> new NoticeJob(
                        "incident-1",
                        i % 2 == 0 ? Channel.EMAIL : Channel.SMS,
                        NoticeLocale.KO,
                        IntStream.range(0, 50)
                                .mapToObj(j -> TestStacks.emailKey(i + "-" + j))
                                .toList()))
                .toList();

        new SqsNoticeJobQueue(sqs, url).enqueue(jobs);

        assertThat(receive(url, 12, MessageCodec::decodeNoticeJob)).containsExactlyInAnyOrderElementsOf(jobs);
    }

    @Test
    void codeQueue_sendsOneRequest() {
        String url = stack.physicalId("CodeQueue");
        CodeRequest request = new CodeRequest("ch-1", TestStacks.phoneKey("+821012345678"), "482913", NoticeLocale.EN);

        CodeSeal seal = new CodeSeal(
                KeyRing.single(new Pepper("a queue test pepper, thirty-two bytes".getBytes(StandardCharsets.UTF_8))),
                new SecureRandom());

        new SqsCodeQueue(sqs, url, seal).enqueue(request);

        // What the queue (and so its dead-letter queue) holds is the sealed code, never the code.
        List<String> bodies = receive(url, 1, body -> body);
        assertThat(bodies).singleElement().asString().doesNotContain("482913").contains("sealedCode");
        assertThat(MessageCodec.decodeCodeRequest(bodies.get(0), seal))
                .usingRecursiveComparison()
                .isEqualTo(request);
    }

    private static <T> List<T> receive(String url, int expected, Function<String, T> decode) {
        List<T> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (Message message : sqs.receiveMessage(
                            b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()) {
                received.add(decode.apply(message.body()));
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
            return received.size() >= expected;
        });
        return received;
    }
}
