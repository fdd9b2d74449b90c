package com.breachnotice.queue.aws;

import com.breachnotice.queue.ParkingQueue;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@link ParkingQueue} on the source queue itself: {@code SendMessage} with {@code DelaySeconds}.
 * The client is asked for on the first parked message, like {@link SqsPoisonQueue}.
 */
public final class SqsParkingQueue implements ParkingQueue {

    private final Supplier<SqsClient> sqs;
    private final String queueUrl;

    public SqsParkingQueue(Supplier<SqsClient> sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void park(String body, Duration delay) {
        long seconds = Math.max(0, Math.min(MAX_DELAY.toSeconds(), delay.toSeconds()));
        sqs.get().sendMessage(b -> b.queueUrl(queueUrl).messageBody(body).delaySeconds((int) seconds));
    }
}
