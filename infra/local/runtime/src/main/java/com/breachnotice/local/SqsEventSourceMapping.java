package com.breachnotice.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Lambda's SQS event source mapping: one {@code SQSEvent} per batch. On success every message is deleted,
 * except, with {@code ReportBatchItemFailures}, those the handler lists in {@code batchItemFailures}. On
 * failure nothing is deleted. A failure list naming a message that is not in the batch (or naming none
 * by an empty id) fails the whole batch, as Lambda does.
 */
final class SqsEventSourceMapping implements QueueBatchHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SqsEventSourceMapping.class);

    private final EventSourceDefinition.Sqs source;
    private final HandlerInvoker invoker;
    private final String region;
    private final EventSourceCounters counters;

    SqsEventSourceMapping(
            EventSourceDefinition.Sqs source, HandlerInvoker invoker, String region, EventSourceCounters counters) {
        this.source = source;
        this.invoker = invoker;
        this.region = region;
        this.counters = counters;
    }

    @Override
    public List<Message> handle(List<Message> batch) throws InterruptedException {
        Invocation invocation = invoker.invoke(SqsEvents.toEvent(batch, source.queueArn(), region));
        counters.invoked(invocation);
        if (!invocation.succeeded()) {
            return List.of();
        }
        if (!source.reportBatchItemFailures() || !(invocation.result() instanceof SQSBatchResponse response)) {
            return batch;
        }
        List<SQSBatchResponse.BatchItemFailure> failures = response.getBatchItemFailures();
        if (failures == null || failures.isEmpty()) {
            return batch;
        }
        Set<String> inBatch = new HashSet<>();
        batch.forEach(message -> inBatch.add(message.messageId()));
        Set<String> failed = new HashSet<>();
        for (SQSBatchResponse.BatchItemFailure failure : failures) {
            String id = failure == null ? null : failure.getItemIdentifier();
            if (id == null || id.isBlank() || !inBatch.contains(id)) {
                LOG.warn(
                        "{}.{}: batchItemFailures names an id that is not in the batch: the whole batch fails",
                        invoker.function().logicalId(),
                        source.name());
                counters.failedItems(batch.size());
                return List.of();
            }
            failed.add(id);
        }
        counters.failedItems(failed.size());
        return batch.stream()
                .filter(message -> !failed.contains(message.messageId()))
                .toList();
    }
}
