package com.breachnotice.core.sending;

import com.breachnotice.core.delivery.DeliveryRecord;
import com.breachnotice.core.delivery.DeliveryStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A provider's answers for the messages of one call, sorted: accepted and refused ones become
 * records, throttled and failed ones are to try again.
 */
record ProviderAnswers<M extends Outgoing>(List<DeliveryRecord> records, List<M> again, boolean throttled) {

    static <M extends Outgoing> ProviderAnswers<M> sort(List<M> sent, List<SendResult> results, Instant at) {
        List<DeliveryRecord> records = new ArrayList<>();
        List<M> again = new ArrayList<>();
        boolean throttled = false;
        for (int i = 0; i < sent.size(); i++) {
            M message = sent.get(i);
            SendResult result = i < results.size() ? results.get(i) : new SendResult.Failed("no_result");
            switch (result) {
                case SendResult.Accepted a ->
                    records.add(record(message, DeliveryStatus.SENT, Optional.of(a.messageId()), Optional.empty(), at));
                case SendResult.Rejected r ->
                    records.add(record(message, DeliveryStatus.FAILED, Optional.empty(), Optional.of(r.reason()), at));
                case SendResult.Throttled t -> {
                    throttled = true;
                    again.add(message);
                }
                case SendResult.Failed f -> again.add(message);
            }
        }
        return new ProviderAnswers<>(records, again, throttled);
    }

    private static DeliveryRecord record(
            Outgoing message,
            DeliveryStatus status,
            Optional<String> providerMessageId,
            Optional<String> reason,
            Instant at) {
        return new DeliveryRecord(
                message.id(),
                status,
                message.referenceHash(),
                providerMessageId,
                reason,
                at,
                Optional.of(message.told()),
                Optional.of(message.recipientMask()));
    }
}
