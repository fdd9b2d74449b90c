package com.breachnotice.queue.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.queue.PoisonQueue.PoisonMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/** The request shape of a dead letter: the body unchanged, the reason and source id as attributes. */
class SqsPoisonQueueTest {

    private final List<SendMessageRequest> sent = new ArrayList<>();
    private final SqsClient sqs = new SqsClient() {
        @Override
        public SendMessageResponse sendMessage(SendMessageRequest request) {
            sent.add(request);
            return SendMessageResponse.builder().messageId("dlq-1").build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {}
    };

    @Test
    void put_sendsTheBodyUnchangedToTheDeadLetterQueueWithTheReason() {
        new SqsPoisonQueue(() -> sqs, "https://sqs.invalid/plan-dlq")
                .put(new PoisonMessage("m-1", "{\"v\":2}", "MalformedMessageException: plan task: unsupported"));

        assertThat(sent).singleElement().satisfies(request -> {
            assertThat(request.queueUrl()).isEqualTo("https://sqs.invalid/plan-dlq");
            assertThat(request.messageBody()).isEqualTo("{\"v\":2}");
            assertThat(request.messageAttributes().get(SqsPoisonQueue.REASON).stringValue())
                    .isEqualTo("MalformedMessageException: plan task: unsupported");
            assertThat(request.messageAttributes()
                            .get(SqsPoisonQueue.SOURCE_MESSAGE_ID)
                            .stringValue())
                    .isEqualTo("m-1");
            assertThat(request.messageAttributes().get(SqsPoisonQueue.REASON).dataType())
                    .isEqualTo("String");
        });
    }

    @Test
    void new_doesNotAskForTheClient() {
        new SqsPoisonQueue(
                () -> {
                    throw new AssertionError("client built at INIT");
                },
                "https://sqs.invalid/plan-dlq");
    }
}
