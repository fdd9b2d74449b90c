package com.breachnotice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.breachnotice.local.testing.Recordings;
import com.breachnotice.local.testing.StallingSqsHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** The local runtime stops an invocation at its function's Timeout, as Lambda does. */
class HandlerInvokerTimeoutTest {

    private final String recording = "timeout-" + UUID.randomUUID();
    private final LocalFunction function = new LocalFunction(
            "Notice",
            "stack-Notice",
            StallingSqsHandler.class.getName() + "::handleRequest",
            Duration.ofSeconds(1),
            128,
            Map.of("RECORDING", recording),
            List.of());
    private final HandlerInvoker invoker = new HandlerInvoker(
            function,
            Map.of("RECORDING", recording),
            "arn:aws:lambda:eu-west-1:123456789012:function:stack-Notice",
            1,
            Clock.systemUTC(),
            InvocationListener.NONE,
            getClass().getClassLoader());

    private static SQSEvent event(String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody(body);
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }

    @Test
    void invoke_handlerStillRunningAtItsTimeout_timedOutResultDiscardedThreadInterruptedInstanceReplaced()
            throws InterruptedException {
        invoker.initialize();

        Invocation stalled = invoker.invoke(event("stall"));

        assertThat(stalled.outcome()).isEqualTo(Invocation.Outcome.TIMED_OUT);
        assertThat(stalled.result()).isNull();
        assertThat(stalled.duration())
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1))
                .isLessThan(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Recordings.events(recording, Object.class).contains("interrupted"));

        Invocation next = invoker.invoke(event("ok"));

        assertThat(next.outcome()).isEqualTo(Invocation.Outcome.SUCCEEDED);
        assertThat(invoker.instancesBuilt()).isEqualTo(2);
    }

    @Test
    void handle_sqsBatchWhoseInvocationTimedOut_nothingDeletedSoTheMessagesComeBack() throws InterruptedException {
        SqsEventSourceMapping mapping = new SqsEventSourceMapping(
                new EventSourceDefinition.Sqs(
                        "NoticeQueue",
                        "http://127.0.0.1:1/queue/notice",
                        "arn:aws:sqs:eu-west-1:123456789012:notice",
                        10,
                        true,
                        0),
                invoker,
                "eu-west-1",
                new EventSourceCounters("NoticeQueue"));
        Message stall = Message.builder()
                .messageId(UUID.randomUUID().toString())
                .receiptHandle("r1")
                .body("stall")
                .build();
        Message ok = Message.builder()
                .messageId(UUID.randomUUID().toString())
                .receiptHandle("r2")
                .body("ok")
                .build();

        assertThat(mapping.handle(List.of(stall))).isEmpty();
        assertThat(mapping.handle(List.of(ok))).containsExactly(ok);
    }
}
