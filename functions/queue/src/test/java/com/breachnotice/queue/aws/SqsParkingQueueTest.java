package com.breachnotice.queue.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/** The request shape of a parked message: the body unchanged, back on its queue, delayed (at most 15 min). */
class SqsParkingQueueTest {

    private final List<SendMessageRequest> sent = new ArrayList<>();
    private final SqsClient sqs = new SqsClient() {
        @Override
        public SendMessageResponse sendMessage(SendMessageRequest request) {
            sent.add(request);
            return SendMessageResponse.builder().messageId("parked-1").build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {}
    };

    @Test
    void park_sendsTheBodyBackToItsQueueWithTheDelayCappedAtSqsMaximum() {
        SqsParkingQueue parking = new SqsParkingQueue(() -> sqs, "https://sqs.invalid/notice");

        parking.park("{\"job\":1}", Duration.ofSeconds(60));
        parking.park("{\"job\":2}", Duration.ofHours(1));

        assertThat(sent).extracting(SendMessageRequest::queueUrl).containsOnly("https://sqs.invalid/notice");
        assertThat(sent).extracting(SendMessageRequest::messageBody).containsExactly("{\"job\":1}", "{\"job\":2}");
        assertThat(sent).extracting(SendMessageRequest::delaySeconds).containsExactly(60, 900);
    }
}
