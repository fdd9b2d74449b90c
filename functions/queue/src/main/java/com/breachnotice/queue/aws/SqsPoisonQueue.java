package com.breachnotice.queue.aws;

import com.breachnotice.queue.PoisonQueue;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * {@link PoisonQueue} on the source queue's SQS dead-letter queue: the body as it was, with the reason
 * and the source message id as message attributes for the operator.
 *
 * <p>The client is asked for on the first poison message, not at INIT: a function whose own calls need
 * no SQS (the sender) pays nothing for a path that is rarely taken. {@code AwsClients} still builds it
 * once.
 */
public final class SqsPoisonQueue implements PoisonQueue {

    /** Message attribute naming why the message is poison. */
    public static final String REASON = "poisonReason";

    /** Message attribute holding the id the message had on its source queue. */
    public static final String SOURCE_MESSAGE_ID = "sourceMessageId";

    private final Supplier<SqsClient> sqs;
    private final String deadLetterQueueUrl;

    public SqsPoisonQueue(Supplier<SqsClient> sqs, String deadLetterQueueUrl) {
        this.sqs = sqs;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    @Override
    public void put(PoisonMessage message) {
        sqs.get()
                .sendMessage(b -> b.queueUrl(deadLetterQueueUrl)
                        .messageBody(message.body())
                        .messageAttributes(Map.of(
                                REASON, text(message.reason()),
                                SOURCE_MESSAGE_ID, text(message.messageId()))));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}
